import { PARAM_SPECS, normalizeParams, pruneDefaults, type DevelopParams, type ParamKey } from "@/lib/develop/params";
import { rankContributions } from "./param-effects";

/** What the perturber did to one parameter. */
export type PerturbChange = { key: string; from: unknown; to: unknown; action: "dropped" | "weakened" | "reversed" };

/** Output of the perturber role (paper §4.2): weaker but plausible params and what was changed. */
export type Perturbation = { params: DevelopParams; changes: PerturbChange[]; note: string };

/**
 * Heuristic perturber: omits or misadjusts the edit's largest contributors,
 * which is what makes a weak edit plausible (it is still the same kind of
 * edit) yet clearly worse. `seed` picks between equivalent strategies
 * deterministically (e.g. a hash of the request).
 */
export function perturbHeuristic({ params, seed }: { params: DevelopParams; seed: number }): Perturbation {
  const ranked = rankContributions(params);
  const out: Record<string, unknown> = { ...params };
  const changes: PerturbChange[] = [];
  const apply = (key: ParamKey, action: PerturbChange["action"]) => {
    const from = out[key];
    let to: unknown;
    if (action === "dropped") to = undefined;
    else if (typeof from === "number") {
      const spec = PARAM_SPECS[key];
      const d = spec.kind === "number" ? spec.default : 0;
      to = d + (from - d) * (action === "weakened" ? 0.25 : -0.35);
    } else return;
    if (to === undefined) delete out[key];
    else out[key] = to;
    changes.push({ key, from, to: to ?? "default", action });
  };

  // The largest contributor is always dropped or reduced to a quarter; the next
  // one or two are weakened or pushed the wrong way. Which, depends on the seed.
  const s = Math.abs(seed) >>> 0;
  if (ranked[0]) apply(ranked[0].key, s % 3 === 2 && typeof ranked[0].value === "number" ? "weakened" : "dropped");
  if (ranked[1]) apply(ranked[1].key, (s >> 2) % 2 === 0 || typeof ranked[1].value !== "number" ? "dropped" : "weakened");
  if (ranked[2] && ranked[2].weight > 0.5) apply(ranked[2].key, (s >> 3) % 2 === 0 ? "weakened" : "reversed");

  const weak = pruneDefaults(normalizeParams(out).params);
  const note =
    changes.length === 0
      ? "The edit changes nothing measurable; nothing to perturb."
      : `Weakened the edit: ${changes.map((c) => `${c.action} ${c.key}${c.action === "dropped" ? "" : ` (${fmtValue(c.from)} → ${fmtValue(c.to)})`}`).join("; ")}.`;
  return { params: weak, changes: changes.map((c) => ({ ...c, to: typeof c.to === "number" ? round(c.key, c.to) : c.to })), note };
}

function round(key: string, v: number): number {
  const spec = PARAM_SPECS[key as ParamKey];
  const f = 10 ** (spec && spec.kind === "number" ? spec.decimals : 2);
  return Math.round(v * f) / f;
}

const fmtValue = (v: unknown) => (typeof v === "number" ? String(Number(v.toFixed(2))) : String(v));
