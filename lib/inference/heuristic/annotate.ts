import type { DevelopParams } from "@/lib/develop/params";
import { describeEdit } from "@/lib/edits/describe-diff";
import { DIMENSIONS, fmt, scaledDelta, type Dimension, type Look } from "./look";
import { PARAM_DIMENSION, rankContributions } from "./param-effects";

/** Output of the annotator role (paper §3.2): the goal in three lengths and a reasoning trace. */
export type Annotation = { intentions: { short: string; medium: string; long: string }; reasoning: string };

/** A measured move: dimension, direction and size in perceptual steps. */
type Move = { dim: Dimension; steps: number };

// Imperatives and adjectives that contain lexicon phrases, so the reward and
// policy roles read the annotator's words back the way they were meant.
const IMPERATIVE: Record<Dimension, [up: string, down: string]> = {
  brightness: ["brighten the photo", "darken the photo"],
  contrast: ["add contrast", "reduce contrast"],
  warmth: ["warm up the colors", "cool down the colors"],
  tint: ["add more magenta", "make it greener"],
  saturation: ["boost the colors", "mute the colors"],
  detail: ["sharpen the detail", "soften the detail"],
  shadows: ["lift the shadows", "deepen the shadows"],
  highlights: ["boost the highlights", "recover the highlights"],
};
const ADJECTIVE: Partial<Record<Dimension, [up: string, down: string]>> = {
  brightness: ["brighter", "darker"],
  contrast: ["more contrasty", "flatter"],
  warmth: ["warmer", "cooler"],
  saturation: ["more colorful", "more muted"],
  detail: ["crisper", "softer"],
};

/**
 * Heuristic annotator: reads the measured change between the original and the
 * edited image (not just the sliders, which can cancel out) and describes it.
 */
export function annotateHeuristic({ before, after, params }: { before: Look; after: Look; params: DevelopParams }): Annotation {
  const grayscale = params.ConvertToGrayscale === true || (after.saturation < 1.5 && before.saturation > 5);
  const moves = measuredMoves(before, after, grayscale, params);
  const phrases = moves.map((m) => IMPERATIVE[m.dim][m.steps > 0 ? 0 : 1]);
  if (grayscale) phrases.unshift("convert it to black and white");

  const short = shortIntention(moves, grayscale);
  const medium =
    phrases.length === 0 ? "Keep the photo as it is, with only a subtle polish." : sentence(moves.slice(0, 3).map(withAdverb), grayscale);
  const context = describeOriginal(before);
  const keep = after.clipping <= before.clipping + 0.005 ? " Keep the highlights and shadows from clipping." : "";
  const long =
    phrases.length === 0
      ? `The photo is ${context}. Keep it as it is, with only a subtle polish.`
      : `The photo is ${context}. ${sentence(moves.map(withAdverb), grayscale)}${keep} In develop terms: ${describeEdit(params)}.`;
  return { intentions: { short, medium, long }, reasoning: reasoning({ before, after, params, moves, grayscale }) };
}

function measuredMoves(before: Look, after: Look, grayscale: boolean, params: DevelopParams): Move[] {
  const delta = scaledDelta(before, after);
  // A dimension counts when it moved a visible step, or when a large slider
  // targets it and the image did move that way, if only a little (dark or
  // already-extreme photos respond less).
  const intended = new Set<Dimension>();
  for (const c of rankContributions(params)) {
    const dim = PARAM_DIMENSION[c.key];
    if (dim && c.weight >= 1 && typeof c.value === "number" && Math.sign(c.value) === Math.sign(delta[dim])) intended.add(dim);
  }
  let moves = DIMENSIONS.map((dim) => ({ dim, steps: delta[dim] })).filter(
    (m) => Math.abs(m.steps) >= 0.6 || (intended.has(m.dim) && Math.abs(m.steps) >= 0.2),
  );
  if (grayscale) moves = moves.filter((m) => m.dim !== "saturation" && m.dim !== "warmth" && m.dim !== "tint");
  // Highlights and shadows follow exposure; name them only when they move on their own.
  const b = moves.find((m) => m.dim === "brightness");
  if (b) moves = moves.filter((m) => !((m.dim === "shadows" || m.dim === "highlights") && Math.sign(m.steps) === Math.sign(b.steps)));
  // What the sliders aimed at comes first; side effects (clipping-driven shifts) after.
  const rank = (m: Move) => Math.abs(m.steps) * (intended.has(m.dim) ? 2 : 1);
  return moves.sort((x, y) => rank(y) - rank(x)).slice(0, 5);
}

function shortIntention(moves: Move[], grayscale: boolean): string {
  if (grayscale)
    return moves.length > 0
      ? `Make it black and white, ${IMPERATIVE[moves[0].dim][moves[0].steps > 0 ? 0 : 1]}.`
      : "Make it black and white.";
  if (moves.length === 0) return "Keep it as it is.";
  const top = moves.slice(0, 2);
  const adjectives = top.map((m) => ADJECTIVE[m.dim]?.[m.steps > 0 ? 0 : 1]);
  if (adjectives.every(Boolean)) return `Make it ${adjectives.join(" and ")}.`;
  return capitalise(`${top.map((m) => IMPERATIVE[m.dim][m.steps > 0 ? 0 : 1]).join(" and ")}.`);
}

function withAdverb(m: Move): string {
  const phrase = IMPERATIVE[m.dim][m.steps > 0 ? 0 : 1];
  const size = Math.abs(m.steps);
  return size < 1.2 ? `${phrase} slightly` : size > 3 ? `${phrase} strongly` : phrase;
}

function sentence(parts: string[], grayscale: boolean): string {
  const all = grayscale ? ["convert it to black and white", ...parts] : parts;
  if (all.length === 0) return "Keep it as it is.";
  const text = all.length === 1 ? all[0] : `${all.slice(0, -1).join(", ")} and ${all[all.length - 1]}`;
  return `${capitalise(text)}.`;
}

function describeOriginal(l: Look): string {
  const tone = l.brightness < 0.3 ? "dark" : l.brightness > 0.62 ? "bright" : "of medium brightness";
  const cast = l.warmth > 6 ? "warm" : l.warmth < -4 ? "cool" : "neutral in color";
  const contrast = l.contrast < 0.17 ? "flat" : l.contrast > 0.28 ? "contrasty" : "moderately contrasted";
  return `${tone}, ${contrast} and ${cast} (mean luminance ${fmt(l.brightness)}, b* ${fmt(l.warmth, 1)})`;
}

const LABEL: Record<Dimension, string> = {
  brightness: "mean luminance",
  contrast: "luminance spread (std. dev.)",
  warmth: "yellow–blue cast b*",
  tint: "magenta–green cast a*",
  saturation: "mean chroma",
  detail: "local contrast",
  shadows: "5th-percentile luminance",
  highlights: "95th-percentile luminance",
};

function reasoning({
  before,
  after,
  params,
  moves,
  grayscale,
}: {
  before: Look;
  after: Look;
  params: DevelopParams;
  moves: Move[];
  grayscale: boolean;
}): string {
  const lines = [
    `Original: mean luminance ${fmt(before.brightness)}, luminance spread ${fmt(before.contrast, 3)}, 5th–95th percentile ${fmt(before.shadows)}–${fmt(before.highlights)}, cast a* ${fmt(before.tint, 1)} / b* ${fmt(before.warmth, 1)}, mean chroma ${fmt(before.saturation, 1)}, clipped ${fmt(before.clipping * 100, 1)}%.`,
  ];
  if (grayscale)
    lines.push(
      `The edit removes color: mean chroma ${fmt(before.saturation, 1)} → ${fmt(after.saturation, 1)}, so the goal is a black and white rendition.`,
    );
  const byDim = new Map<Dimension, string[]>();
  for (const c of rankContributions(params)) {
    const dim = PARAM_DIMENSION[c.key];
    if (dim) byDim.set(dim, [...(byDim.get(dim) ?? []), c.key]);
  }
  for (const m of moves) {
    const keys = byDim.get(m.dim);
    const cause = keys ? ` through ${keys.join(", ")}` : " as a side effect of the other adjustments";
    lines.push(
      `${capitalise(LABEL[m.dim])} ${fmt(before[m.dim], 3)} → ${fmt(after[m.dim], 3)} (${m.steps > 0 ? "+" : ""}${fmt(m.steps, 1)} steps)${cause}: the user wants to ${IMPERATIVE[m.dim][m.steps > 0 ? 0 : 1]}.`,
    );
  }
  if (moves.length === 0 && !grayscale) lines.push("No dimension moved by a visible step; the edit is a subtle polish.");
  const dClip = after.clipping - before.clipping;
  lines.push(
    dClip > 0.005
      ? `Clipping rises to ${fmt(after.clipping * 100, 1)}%, a cost the user accepted.`
      : `Clipping stays at ${fmt(after.clipping * 100, 1)}%, so detail is preserved.`,
  );
  return lines.join("\n");
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
