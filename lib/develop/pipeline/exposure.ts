import { assertRange, outputFor, type FloatImage } from "./types";

/** Global exposure. */
export type ExposureOptions = {
  /** Exposure in EV (stops), −5 … +5 in Lightroom; ±10 accepted. @default 0 */
  ev?: number;
};

/** Linear value where the highlight shoulder of a positive exposure starts (display ≈ 0.735). */
export const SHOULDER_KNEE = 0.5;

/**
 * The exposure curve for one linear value: x·2^EV, with a highlight shoulder for EV > 0.
 *
 * Process Version 2012 exposure rolls highlights off instead of clipping them. Ours: below the knee
 * k = 0.5 the gain g = 2^EV is exact; above it, the range [k, g] that a plain gain would send past
 * white is compressed onto [k, 1] by a rational (Reinhard-style) shoulder: with v = g·x, d = v − k,
 * a = (g − k)/(1 − k) and c = (a − 1)/(a·(1 − k)),  y = k + d/(1 + c·d). Slope g at the knee (continuous),
 * input white (x = 1) lands exactly on output white, strictly increasing (no flat clip), and EV ≤ 0
 * is a plain gain. Applied per channel, so bright saturated colours also desaturate toward white as
 * in film / Adobe's roll-off (a known difference: Adobe's exact curve is not public; the DNG SDK's
 * exposure ramp has a similar quadratic knee).
 */
export function makeExposureFunction(ev: number): (x: number) => number {
  assertRange("ev", ev, -10, 10);
  const g = Math.pow(2, ev);
  if (g <= 1) return (x) => x * g;
  const k = SHOULDER_KNEE;
  const a = (g - k) / (1 - k);
  const c = (a - 1) / (a * (1 - k));
  return (x) => {
    const v = x * g;
    if (v <= k) return v;
    const d = v - k;
    return k + d / (1 + c * d);
  };
}

/**
 * Multiplies linear light by 2^EV — a camera-exposure change, as darktable's exposure module
 * (basicadj.c) does with a zero black level — with the highlight shoulder of
 * {@link makeExposureFunction} for positive EV. −1 EV halves every value; +1 EV doubles the values
 * below the knee.
 */
export function applyExposure({ image, out, ev = 0 }: { image: FloatImage; out?: Float32Array } & ExposureOptions): FloatImage {
  const f = makeExposureFunction(ev);
  const dst = outputFor(image, out);
  const src = image.data;
  for (let i = 0; i < src.length; i++) dst[i] = f(src[i]);
  return { data: dst, width: image.width, height: image.height };
}
