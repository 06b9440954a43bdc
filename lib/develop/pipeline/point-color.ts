import type { PointColor } from "../params/point-colors";
import { linearToSrgb, srgbToLinear } from "../color/srgb";
import { rotateChroma } from "./rotate-chroma";
import { assertRange, outputFor, smoothstep, type FloatImage } from "./types";

/** Point Color swatches (Lightroom's stored units, see params/point-colors.ts). */
export type PointColorOptions = { swatches: readonly PointColor[] };

/** Half-width of a swatch's hue window, in sixths of a turn: HueRange 0…1 spans source ± 60°. */
const HUE_WINDOW = 1;
/** Largest hue rotation at HueShift ±1, degrees (as the HSL panel). */
const MAX_HUE_SHIFT = 30;
/** log2 of the brightness factor at LumScale ±1 (as the HSL panel). */
const MAX_LUM_STOPS = 0.8;
/** Narrowest ramp of a range (keeps the selection smooth enough for the 3D LUT). */
const MIN_RAMP = 0.02;
/** HSV saturation below which the hue test fades out (a neutral's hue is noise). */
const NEUTRAL_SAT = 0.3;

/** Linear sRGB (D65) → linear ProPhoto RGB (D50, Bradford): the space Lightroom samples swatches in. */
const TO_PROPHOTO = [0.5293459, 0.3300439, 0.1406102, 0.0983977, 0.8734267, 0.0281756, 0.0168826, 0.1176998, 0.8654176];

/** HSV of linear ProPhoto RGB for a display-encoded sRGB colour: hue in sixths [0, 6), sat, value. */
export function prophotoHsv(r: number, g: number, b: number, out: Float64Array): void {
  const lr = srgbToLinear(r);
  const lg = srgbToLinear(g);
  const lb = srgbToLinear(b);
  const pr = TO_PROPHOTO[0] * lr + TO_PROPHOTO[1] * lg + TO_PROPHOTO[2] * lb;
  const pg = TO_PROPHOTO[3] * lr + TO_PROPHOTO[4] * lg + TO_PROPHOTO[5] * lb;
  const pb = TO_PROPHOTO[6] * lr + TO_PROPHOTO[7] * lg + TO_PROPHOTO[8] * lb;
  const max = Math.max(pr, pg, pb);
  const c = max - Math.min(pr, pg, pb);
  let h = 0;
  if (c > 0) h = max === pr ? (pg - pb) / c : max === pg ? (pb - pr) / c + 2 : (pr - pg) / c + 4;
  out[0] = h < 0 ? h + 6 : h;
  out[1] = max > 0 ? c / max : 0;
  out[2] = max;
}

/**
 * Trapezoid weight of `x` over range points [o1, i1, i2, o2]: 1 between the inner points, a
 * smoothstep down to 0 at the outer points, whose distance from the inner ones is scaled by `k`.
 */
export function rangeWeight(x: number, range: readonly number[], k: number): number {
  const lo = Math.max(MIN_RAMP, (range[1] - range[0]) * k);
  const hi = Math.max(MIN_RAMP, (range[3] - range[2]) * k);
  if (x < range[1]) return smoothstep(range[1] - lo, range[1], x);
  if (x > range[2]) return 1 - smoothstep(range[2], range[2] + hi, x);
  return 1;
}

/** Signed hue difference a − b in sixths, wrapped to [−3, 3). */
function hueDelta(a: number, b: number): number {
  const d = a - b;
  return d >= 3 ? d - 6 : d < -3 ? d + 6 : d;
}

/** How much RangeAmount widens (> 1) or narrows (< 1) every ramp: 1 at Lightroom's default 0.5. */
const rangeScale = (p: PointColor) => 0.25 + 1.5 * p.RangeAmount;

/** The hue test alone: the HueRange trapezoid at hue distance `dh` (sixths) from the source. */
function hueWindowWeight(p: PointColor, dh: number): number {
  return rangeWeight(0.5 + dh / (2 * HUE_WINDOW), p.HueRange, rangeScale(p));
}

/**
 * How strongly a swatch selects a colour whose ProPhoto HSV is `hsv` (0…1), and its hue distance
 * from the source in sixths. Weight = hue × saturation × luminance trapezoids; RangeAmount scales
 * every falloff by 0.25 + 1.5·Range (1 at Lightroom's default 50), the hue test fades out below
 * HSV saturation 0.3 (k = u(2 − u)).
 */
export function swatchWeight(p: PointColor, hsv: ArrayLike<number>): number {
  const k = rangeScale(p);
  const wh = hueWindowWeight(p, hueDelta(hsv[0], p.SrcHue));
  const u = Math.min(1, hsv[1] / NEUTRAL_SAT);
  const hueWeight = 1 - u * (2 - u) * (1 - wh);
  if (hueWeight === 0) return 0;
  return hueWeight * rangeWeight(hsv[1], p.SatRange, k) * rangeWeight(linearToSrgb(hsv[2]), p.LumRange, k);
}

/**
 * Lightroom's Point Color on display-encoded RGB (our model; Adobe's is not public). Each swatch,
 * in order, selects colours by {@link swatchWeight} in linear-ProPhoto HSV (the space its source
 * is stored in) and moves them as the HSL panel does ({@link rotateChroma}), scaled by the weight
 * w: the chroma is rotated about the grey axis by w·(30°·HueShift + ½·Variance·Δh·wₕ), wₕ the
 * hue-window weight (a negative Variance pulls selected hues toward the source, a positive one
 * spreads them), scaled by max(0, 1 + w·SatScale), and the colour multiplied by
 * 2^(0.8·w·LumScale). Per pixel and colour-only, so it bakes into the 3D LUT. Results may leave
 * [0, 1]; the output stage clips.
 */
export function applyPointColor({ image, out, swatches }: { image: FloatImage; out?: Float32Array } & PointColorOptions): FloatImage {
  for (const [i, p] of swatches.entries()) {
    for (const key of ["HueShift", "SatScale", "LumScale", "Variance"] as const) assertRange(`swatches[${i}].${key}`, p[key], -1, 1);
    assertRange(`swatches[${i}].SrcHue`, p.SrcHue, 0, 6);
  }
  const dst = outputFor(image, out);
  const src = image.data;
  const hsv = new Float64Array(3);
  const moved = new Float64Array(3);
  for (let i = 0; i < src.length; i += 3) {
    let r = src[i];
    let g = src[i + 1];
    let b = src[i + 2];
    for (const p of swatches) {
      prophotoHsv(r, g, b, hsv);
      const w = swatchWeight(p, hsv);
      if (w <= 0) continue;
      // Variance acts inside the hue window only: outside it Δh runs to ±180°, where it flips sign.
      const dh = hueDelta(hsv[0], p.SrcHue);
      const spread = p.Variance === 0 ? 0 : 0.5 * p.Variance * dh * 60 * hueWindowWeight(p, dh);
      const theta = (w * (MAX_HUE_SHIFT * p.HueShift + spread) * Math.PI) / 180;
      const scale = Math.max(0, 1 + w * p.SatScale);
      const gain = Math.pow(2, w * MAX_LUM_STOPS * p.LumScale);
      rotateChroma(r, g, b, theta, scale, gain, moved, 0);
      r = moved[0];
      g = moved[1];
      b = moved[2];
    }
    dst[i] = r;
    dst[i + 1] = g;
    dst[i + 2] = b;
  }
  return { data: dst, width: image.width, height: image.height };
}
