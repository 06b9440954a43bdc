/** Centres (degrees on the HSV wheel) of Lightroom's eight HSL / B&W bands, in panel order. */
export const HUE_BAND_CENTERS = [0, 30, 60, 120, 180, 240, 270, 300] as const;

/** Names of the eight bands, matching the `HueAdjustment<Band>` keys. */
export const HUE_BAND_NAMES = ["Red", "Orange", "Yellow", "Green", "Aqua", "Blue", "Purple", "Magenta"] as const;

/** Width (standard deviation, degrees) of each band's Gaussian window. */
export const HUE_BAND_SIGMA = 20;

/**
 * Smooth weights of the eight bands at hue `h` (degrees), written into `out` (length 8): a Gaussian
 * window of σ = 20° around each centre (circular distance), normalised so the weights sum to 1 — a
 * uniform edit of all bands is a uniform edit, and neighbouring bands overlap the way Lightroom's
 * do (a red edit leaks a little into orange and magenta). Wide, smooth windows also keep the stage
 * smooth enough for the 3D LUT (MonetGPT uses cosine windows in the same spirit).
 */
export function hueBandWeights(h: number, out: Float64Array): void {
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

/** Sum over bands of `weights[k] · values[k]`. */
export function weighted(weights: Float64Array, values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < 8; k++) s += weights[k] * values[k];
  return s;
}
