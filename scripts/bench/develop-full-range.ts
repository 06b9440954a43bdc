// The full-range accuracy set of the develop bench: uniform random draws of the GLOBAL keys over
// their whole ranges (density 0.3: ~20+ sliders at random extremes at once), no spatial stages,
// compared LUT path vs exact float path.
import { PARAM_SPECS, randomParams, type DevelopParams, type ParamSpec } from "../../lib/develop/params";
import type { Image8 } from "../../lib/develop/pipeline/decode";
import { renderImage } from "../../lib/develop/render";

const SPATIAL_GROUPS = new Set(["presence", "vignette", "grain", "detail"]);

/** Draw `seed` of the full-range set: every global key kept at its drawn (uniform) value. */
export function fullRangeParams(seed: number): DevelopParams {
  const raw = randomParams({ seed, density: 0.3, corrections: false }) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const spec = (PARAM_SPECS as Record<string, ParamSpec>)[key];
    if (!spec) continue;
    if (SPATIAL_GROUPS.has(spec.group) && key !== "Vibrance" && key !== "Saturation") continue;
    out[key] = value;
  }
  return out as DevelopParams;
}

/** Share of pixels whose three channels are all within 2 codes, and the largest difference. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): { maxDiff: number; within2: number } {
  let maxDiff = 0;
  let ok = 0;
  const n = a.length / 3;
  for (let p = 0; p < n; p++) {
    let m = 0;
    for (let c = 0; c < 3; c++) m = Math.max(m, Math.abs(a[p * 3 + c] - b[p * 3 + c]));
    maxDiff = Math.max(maxDiff, m);
    if (m <= 2) ok++;
  }
  return { maxDiff, within2: ok / n };
}

/** Runs the `draws`-draw set on `image`; returns per-draw % within 2 codes and the worst case. */
export function fullRangeAccuracy(image: Image8, draws = 30): { minWithin2Pct: number; maxDiff: number; perDraw: number[] } {
  const perDraw: number[] = [];
  let maxDiff = 0;
  for (let seed = 1; seed <= draws; seed++) {
    const params = fullRangeParams(seed);
    const fast = renderImage({ image, params }).image.data;
    const exact = renderImage({ image, params, options: { exact: true } }).image.data;
    const a = agreement(fast, exact);
    perDraw.push(Number((a.within2 * 100).toFixed(3)));
    maxDiff = Math.max(maxDiff, a.maxDiff);
  }
  return { minWithin2Pct: Math.min(...perDraw), maxDiff, perDraw };
}
