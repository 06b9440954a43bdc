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
 * With L = luma, d = rgb − L, δ = min(1, 1.5·‖d‖) (a smooth chroma measure): f = max(0, 1 + s +
 * v·(1 − δ)²), s = saturation/100, v = vibrance/100. Values may leave [0, 1]; they are clipped per
 * channel at output, which keeps this stage smooth (exactly linear for saturation alone) so the 3D
 * LUT reproduces it within a code. More saturation never lowers chroma.
 */
export function applyVibranceSaturation({
  image,
  out,
  saturation = 0,
  vibrance = 0,
}: { image: FloatImage; out?: Float32Array } & VibranceSaturationOptions): FloatImage {
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
    const delta = Math.min(1, 1.5 * Math.sqrt(dr * dr + dg * dg + db * db));
    let f = 1 + s + v * (1 - delta) * (1 - delta);
    if (f < 0) f = 0;
    dst[i] = L + f * dr;
    dst[i + 1] = L + f * dg;
    dst[i + 2] = L + f * db;
  }
  return { data: dst, width: image.width, height: image.height };
}
