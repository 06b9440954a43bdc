import { PARAM_KEYS, PARAM_SPECS, withDefaults, type DevelopParams } from "@/lib/develop/params";
import { contributionScale } from "@/lib/inference/heuristic/param-effects";

/** A black & white conversion counts as this many visible steps. */
const GRAYSCALE_STEPS = 4;

/**
 * Distance between two edits in "clearly visible steps": the L1 sum over
 * numeric parameters of |a − b| / step size, plus fixed costs for a changed
 * grayscale switch, curve or set of local corrections. `paramDistance(p, {})`
 * is the size of edit `p` (how far it moves the source), which is what the
 * "bigger change wins" baseline ranks by.
 */
export function paramDistance(a: DevelopParams, b: DevelopParams): number {
  const fa = withDefaults(a);
  const fb = withDefaults(b);
  let d = 0;
  for (const key of PARAM_KEYS) {
    const spec = PARAM_SPECS[key];
    const x = fa[key];
    const y = fb[key];
    if (spec.kind === "number") d += Math.abs((x as number) - (y as number)) / contributionScale(key);
    else if (key === "ConvertToGrayscale") d += x === y ? 0 : GRAYSCALE_STEPS;
    else if (spec.kind === "curve") d += JSON.stringify(x) === JSON.stringify(y) ? 0 : 1;
  }
  if (JSON.stringify(fa.MaskGroupBasedCorrections) !== JSON.stringify(fb.MaskGroupBasedCorrections)) d += 1;
  return Math.round(d * 1000) / 1000;
}

/** Size of an edit: its distance from no edit at all. */
export const editMagnitude = (p: DevelopParams) => paramDistance(p, {});
