import { PARAM_SPECS, normalizeParams, pruneDefaults, type DevelopParams, type ParamKey } from "@/lib/develop/params";
import { rankContributions } from "@/lib/inference/heuristic/param-effects";
import type { PerturbationKind } from "@/db/schema/preference";

/** A weak edit built from a strong one by a fixed rule. */
export type Perturbed = { strategy: string; kind: Exclude<PerturbationKind, "model">; params: DevelopParams };

/** The rule-based strategies, by name; `model` (the perturber role) is run separately. */
export const STRATEGIES = ["omit:k=1", "omit:k=2", "scale:0.3", "scale:1.8", "flip-sign", "wb-shift", "tone-shift"] as const;
export type StrategyName = (typeof STRATEGIES)[number];

const numericDefault = (key: ParamKey) => {
  const spec = PARAM_SPECS[key];
  return spec.kind === "number" ? spec.default : 0;
};

function clampRound(key: ParamKey, v: number): number {
  const spec = PARAM_SPECS[key];
  if (spec.kind !== "number") return v;
  const f = 10 ** spec.decimals;
  return Math.round(Math.min(spec.max, Math.max(spec.min, v)) * f) / f;
}

const finish = (p: Record<string, unknown>): DevelopParams => pruneDefaults(normalizeParams(p).params);

/** The numeric, globally acting parameters of an edit, largest visible contribution first. */
const numericContributors = (params: DevelopParams) =>
  rankContributions(params).filter((c) => PARAM_SPECS[c.key].kind === "number" && c.key !== "Temperature");

/**
 * Applies one strategy to the strong edit's params. Every result is valid
 * (normalised, clamped to each slider's range) and weaker by construction:
 * it drops, shrinks, overshoots or reverses what the user did, or adds a
 * cast / tone shift the instruction never asked for. Returns null when the
 * strategy has nothing to act on (e.g. omitting 2 of a 1-slider edit).
 */
export function applyStrategy(strong: DevelopParams, name: StrategyName): Perturbed | null {
  const ranked = numericContributors(strong);
  const out: Record<string, unknown> = { ...strong };
  switch (name) {
    case "omit:k=1":
    case "omit:k=2": {
      const k = name === "omit:k=1" ? 1 : 2;
      const all = rankContributions(strong);
      if (all.length < k) return null;
      for (const c of all.slice(0, k)) delete out[c.key];
      return { strategy: name, kind: "omit", params: finish(out) };
    }
    case "scale:0.3":
    case "scale:1.8": {
      if (ranked.length === 0) return null;
      const f = name === "scale:0.3" ? 0.3 : 1.8;
      for (const c of ranked) {
        const d = numericDefault(c.key);
        out[c.key] = clampRound(c.key, d + ((c.value as number) - d) * f);
      }
      return { strategy: name, kind: f < 1 ? "scale_down" : "over_edit", params: finish(out) };
    }
    case "flip-sign": {
      const top = ranked[0];
      if (!top) return null;
      const d = numericDefault(top.key);
      out[top.key] = clampRound(top.key, d - ((top.value as number) - d));
      return { strategy: `flip-sign:${top.key}`, kind: "wrong_direction", params: finish(out) };
    }
    case "wb-shift": {
      // A cast against the edit's own white balance direction (or warm when it had none).
      const t = (strong.IncrementalTemperature as number | undefined) ?? 0;
      const shift = t > 0 ? -30 : 30;
      out.IncrementalTemperature = clampRound("IncrementalTemperature", t + shift);
      return { strategy: `wb-shift:${shift > 0 ? "+" : ""}${shift}`, kind: "wb_tone_shift", params: finish(out) };
    }
    case "tone-shift": {
      // Crush the shadows unless the edit already darkened them, then blow the highlights instead.
      const s = (strong.Shadows2012 as number | undefined) ?? 0;
      const key: ParamKey = s < 0 ? "Highlights2012" : "Shadows2012";
      const v = (strong[key] as number | undefined) ?? 0;
      const shift = key === "Shadows2012" ? -45 : 45;
      out[key] = clampRound(key, v + shift);
      return { strategy: `tone-shift:${key}${shift > 0 ? "+" : ""}${shift}`, kind: "wb_tone_shift", params: finish(out) };
    }
  }
}

/** Every applicable rule-based perturbation of `strong`, distinct and different from it. */
export function perturbAll(strong: DevelopParams, names: readonly StrategyName[] = STRATEGIES): Perturbed[] {
  const seen = new Set([JSON.stringify(finish({ ...strong }))]);
  const out: Perturbed[] = [];
  for (const n of names) {
    const p = applyStrategy(strong, n);
    if (!p) continue;
    const key = JSON.stringify(p.params);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
