import { DIMENSIONS, fmt, scaledDelta, type Dimension, type Look } from "./look";
import type { ReadInstruction } from "./read-instruction";

/** How well one edited image carries out an instruction, measured on its statistics. */
export type EditFit = {
  /** Weighted mean of per-dimension fits, on [−1, 1]; 0 when nothing in the instruction was understood. */
  fit: number;
  perDimension: { dim: Dimension; wanted: number; steps: number; fit: number }[];
  /** Penalty for newly clipped highlights/shadows (0–2). */
  clipping: number;
  /** Penalty for a colour cast nobody asked for (0–2). */
  cast: number;
  /** Penalty for large changes on dimensions the instruction did not mention (0–1.5). */
  sideEffects: number;
};

// Moves that come with the ones asked for, so they are not side effects.
const COUPLED: Partial<Record<Dimension, Dimension[]>> = {
  brightness: ["shadows", "highlights"],
  contrast: ["detail", "shadows", "highlights", "saturation"],
  saturation: ["warmth", "tint"],
  detail: ["contrast"],
  shadows: ["brightness"],
  highlights: ["brightness"],
};

/**
 * Scores a measured change against what an instruction asks for: each wanted
 * dimension contributes tanh(steps / 1.5) in the wanted direction (a clear
 * move scores well, an overdone one saturates rather than keeps gaining), and
 * clipping, unrequested casts and unrelated large changes are penalised.
 */
export function scoreEdit({ read, before, after }: { read: ReadInstruction; before: Look; after: Look }): EditFit {
  const delta = scaledDelta(before, after);
  const wanted = Object.entries(read.moves).filter(([, w]) => w !== 0) as [Dimension, number][];
  const perDimension = wanted.map(([dim, w]) => ({ dim, wanted: w, steps: delta[dim], fit: Math.tanh((Math.sign(w) * delta[dim]) / 1.5) }));
  const totalWeight = wanted.reduce((s, [, w]) => s + Math.abs(w), 0);
  const fit = totalWeight > 0 ? perDimension.reduce((s, p) => s + Math.abs(p.wanted) * p.fit, 0) / totalWeight : 0;

  const clipping = Math.min(2, Math.max(0, after.clipping - before.clipping) * 6);
  let cast = 0;
  if (!read.moves.warmth && !read.grayscale) cast += Math.max(0, Math.abs(after.warmth) - Math.abs(before.warmth) - 2) * 0.15;
  if (!read.moves.tint && !read.grayscale) cast += Math.max(0, Math.abs(after.tint) - Math.abs(before.tint) - 2) * 0.15;

  const allowed = new Set<Dimension>(wanted.flatMap(([d]) => [d, ...(COUPLED[d] ?? [])]));
  let side = 0;
  for (const d of DIMENSIONS) if (!allowed.has(d)) side += 0.25 * Math.max(0, Math.abs(delta[d]) - 2);
  return { fit, perDimension, clipping, cast: Math.min(2, cast), sideEffects: Math.min(1.5, side) };
}

/** The reward model's scalar on 0–10: 5 for "no better than the original", 9.5 for a clean, clear fit. */
export function rewardScore(f: EditFit): number {
  return round2(Math.min(10, Math.max(0, 5 + 4.5 * f.fit - f.clipping - f.cast - f.sideEffects)));
}

/** One line per dimension, for reasoning text. */
export function explainFit(label: string, f: EditFit): string {
  const dims = f.perDimension.map(
    (p) => `${p.dim} ${p.steps >= 0 ? "+" : ""}${fmt(p.steps, 1)} steps (${p.wanted > 0 ? "wanted up" : "wanted down"})`,
  );
  const pen = [
    f.clipping > 0 ? `clipping −${fmt(f.clipping, 1)}` : "",
    f.cast > 0 ? `cast −${fmt(f.cast, 1)}` : "",
    f.sideEffects > 0 ? `side effects −${fmt(f.sideEffects, 1)}` : "",
  ].filter(Boolean);
  return `${label}: ${dims.join(", ") || "no understood direction"}${pen.length ? `; penalties: ${pen.join(", ")}` : ""}.`;
}

export const round1 = (v: number) => Math.round(v * 10) / 10;
export const round2 = (v: number) => Math.round(v * 100) / 100;
