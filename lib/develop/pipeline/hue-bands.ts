/** Centres (degrees on the HSV wheel) of Lightroom's eight HSL / B&W bands, in panel order. */
export const HUE_BAND_CENTERS = [0, 30, 60, 120, 180, 240, 270, 300] as const;

/** Names of the eight bands, matching the `HueAdjustment<Band>` keys. */
export const HUE_BAND_NAMES = ["Red", "Orange", "Yellow", "Green", "Aqua", "Blue", "Purple", "Magenta"] as const;

/**
 * Smooth weights of the eight bands at hue `h` (degrees), written into `out` (length 8).
 * Between two neighbouring centres the weight passes from one band to the next along a raised
 * cosine, so the weights sum to 1 everywhere (a uniform shift of all bands is a uniform shift) and
 * have zero slope at each centre — no visible seams, as with MonetGPT's cosine hue windows.
 */
export function hueBandWeights(h: number, out: Float64Array): void {
  out.fill(0);
  const hue = ((h % 360) + 360) % 360;
  let i = HUE_BAND_CENTERS.length - 1;
  for (let k = 0; k < HUE_BAND_CENTERS.length; k++) if (hue >= HUE_BAND_CENTERS[k]) i = k;
  const j = (i + 1) % HUE_BAND_CENTERS.length;
  const start = HUE_BAND_CENTERS[i];
  const end = j === 0 ? 360 : HUE_BAND_CENTERS[j];
  const t = (hue - start) / (end - start);
  const wi = 0.5 + 0.5 * Math.cos(Math.PI * t);
  out[i] = wi;
  out[j] = 1 - wi;
}

/** Sum over bands of `weights[k] · values[k]`. */
export function weighted(weights: Float64Array, values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < 8; k++) s += weights[k] * values[k];
  return s;
}
