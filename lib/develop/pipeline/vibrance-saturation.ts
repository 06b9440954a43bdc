import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { assertRange, outputFor, type FloatImage } from "./types";

/** Global saturation and vibrance, each ±100. */
export type VibranceSaturationOptions = {
  /** Uniform chroma scale. @default 0 */ saturation?: number;
  /** Chroma scale weighted toward less-saturated colours. @default 0 */ vibrance?: number;
};

/** Whether both sliders are 0. */
export function isVibranceSaturationIdentity(o: VibranceSaturationOptions): boolean {
  return !o.saturation && !o.vibrance;
}

/**
 * Scales each pixel's chroma around its luma on display-encoded RGB, the structure of darktable's
 * basicadj saturation/vibrance (out = avg + f·(rgb − avg)) with our own vibrance weight.
 * With L = luma, d = rgb − L, δ = max|d| (0–1): f = 1 + s + v·(1 − δ)², s = saturation/100,
 * v = vibrance/100, f ≥ 0. Then f is limited so that no channel leaves [0, 1] (hue is kept at the
 * gamut edge instead of clipping channels apart). More saturation never lowers chroma.
 */
export function applyVibranceSaturation({ image, out, saturation = 0, vibrance = 0 }: { image: FloatImage; out?: Float32Array } & VibranceSaturationOptions): FloatImage {
  assertRange("saturation", saturation, -100, 100);
  assertRange("vibrance", vibrance, -100, 100);
  const s = saturation / 100;
  const v = vibrance / 100;
  const dst = outputFor(image, out);
  const src = image.data;
  for (let i = 0; i < src.length; i += 3) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    const L = LUMA_R * r + LUMA_G * g + LUMA_B * b;
    const dr = r - L;
    const dg = g - L;
    const db = b - L;
    const ar = dr < 0 ? -dr : dr;
    const ag = dg < 0 ? -dg : dg;
    const ab = db < 0 ? -db : db;
    const delta = Math.min(1, ar > ag ? (ar > ab ? ar : ab) : ag > ab ? ag : ab);
    let f = 1 + s + v * (1 - delta) * (1 - delta);
    if (f < 0) f = 0;
    f = Math.min(f, limit(L, dr), limit(L, dg), limit(L, db));
    dst[i] = L + f * dr;
    dst[i + 1] = L + f * dg;
    dst[i + 2] = L + f * db;
  }
  return { data: dst, width: image.width, height: image.height };
}

/** Largest scale of `d` that keeps `L + f·d` within [0, 1]; ≥ 1 for in-gamut input. */
function limit(L: number, d: number): number {
  if (d > 1e-7) return (1 - L) / d;
  if (d < -1e-7) return -L / d;
  return Infinity;
}
