/** Centres (degrees on the HSV wheel) of Lightroom's eight HSL / B&W bands, in panel order. */
export const HUE_BAND_CENTERS = [0, 30, 60, 120, 180, 240, 270, 300] as const;

/** Names of the eight bands, matching the `HueAdjustment<Band>` keys. */
export const HUE_BAND_NAMES = ["Red", "Orange", "Yellow", "Green", "Aqua", "Blue", "Purple", "Magenta"] as const;

/** Width (standard deviation, degrees) of each band's Gaussian window. */
export const HUE_BAND_SIGMA = 18;

/**
 * Smooth weights of the eight bands at hue `h` (degrees), written into `out` (length 8): a Gaussian
 * window of σ = 18° around each centre (circular distance), normalised so the weights sum to 1 — a
 * uniform edit of all bands is a uniform edit, and neighbouring bands overlap the way Lightroom's
 * do (a red edit leaks a little into orange and magenta). Wide, smooth windows also keep the stage
 * smooth enough for the 3D LUT (MonetGPT uses cosine windows in the same spirit).
 */
export function hueBandWeights(h: number, out: Float64Array): void {
  let t = (h % 360) * TABLE_STEPS_PER_DEGREE;
  if (t < 0) t += 360 * TABLE_STEPS_PER_DEGREE;
  const i = t | 0;
  const f = t - i;
  const a = i * 8;
  const b = ((i + 1) % (360 * TABLE_STEPS_PER_DEGREE)) * 8;
  for (let k = 0; k < 8; k++) out[k] = WEIGHT_TABLE[a + k] + (WEIGHT_TABLE[b + k] - WEIGHT_TABLE[a + k]) * f;
}

/** Exact normalised Gaussian weights (the table below samples this every half degree). */
function exactWeights(h: number, out: Float64Array): void {
  let sum = 0;
  for (let k = 0; k < 8; k++) {
    let d = Math.abs(h - HUE_BAND_CENTERS[k]) % 360;
    if (d > 180) d = 360 - d;
    const w = Math.exp((-d * d) / (2 * HUE_BAND_SIGMA * HUE_BAND_SIGMA));
    out[k] = w;
    sum += w;
  }
  for (let k = 0; k < 8; k++) out[k] /= sum;
}

// The weights are tabulated every 0.5° and interpolated linearly (error < 1e-4): eight exp() per
// pixel made HSL the slowest stage of both the float path and the LUT bake.
const TABLE_STEPS_PER_DEGREE = 2;
const WEIGHT_TABLE: Float64Array = (() => {
  const n = 360 * TABLE_STEPS_PER_DEGREE;
  const table = new Float64Array(n * 8);
  const w = new Float64Array(8);
  for (let i = 0; i < n; i++) {
    exactWeights(i / TABLE_STEPS_PER_DEGREE, w);
    table.set(w, i * 8);
  }
  return table;
})();

/** Sum over bands of `weights[k] · values[k]`. */
export function weighted(weights: Float64Array, values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < 8; k++) s += weights[k] * values[k];
  return s;
}
