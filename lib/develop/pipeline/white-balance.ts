import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { assertRange, outputFor, type FloatImage } from "./types";

/** White-balance shift in Lightroom's relative units (IncrementalTemperature / IncrementalTint). */
export type WhiteBalanceOptions = {
  /** Warmth, −100 (cooler) … +100 (warmer); values up to ±200 are accepted. @default 0 */
  temperature?: number;
  /** Tint, −100 (greener) … +100 (more magenta); values up to ±200 are accepted. @default 0 */
  tint?: number;
};

/**
 * Per-channel gains for a white-balance shift, normalised so that their Rec. 709 luminance is 1
 * (a WB change does not change overall brightness).
 *
 * Formula (our own, Adobe's is not public): with t = temperature/100 and n = tint/100,
 * gR = 2^(0.5 t), gB = 2^(−0.5 t), gG = 2^(−0.35 n), then all divided by
 * 0.2126 gR + 0.7152 gG + 0.0722 gB. A von-Kries style diagonal scaling in linear sRGB, as in
 * darktable's white-balance module, but driven by relative sliders instead of a camera matrix.
 */
export function whiteBalanceGains({ temperature = 0, tint = 0 }: WhiteBalanceOptions): [number, number, number] {
  assertRange("temperature", temperature, -200, 200);
  assertRange("tint", tint, -200, 200);
  const r = Math.pow(2, (0.5 * temperature) / 100);
  const b = Math.pow(2, (-0.5 * temperature) / 100);
  const g = Math.pow(2, (-0.35 * tint) / 100);
  const y = LUMA_R * r + LUMA_G * g + LUMA_B * b;
  return [r / y, g / y, b / y];
}

/** Reference illuminant used when a raw file's as-shot white balance is unknown (the fallback). */
export const FALLBACK_AS_SHOT = { kelvin: 5500, tint: 0 } as const;

/** Relative units per mired: 1 unit of the relative (Incremental) scale ≈ 1.5 mired. */
const MIRED_PER_UNIT = 1.5;

/**
 * Converts Lightroom's absolute raw white balance (Temperature in K, Tint) into the relative units
 * the engine renders, measured from the as-shot values — Lightroom's semantics for raw sources: the
 * image we render is the as-shot rendition, so only the difference from as-shot is applied.
 * Temperature moves by the mired difference (1e6/asShotK − 1e6/K)/1.5 (so 3800 K from an as-shot
 * 4400 K is a −600 K shift, cooler); tint by (tint − asShotTint)·100/150. Without a known as-shot
 * value pass {@link FALLBACK_AS_SHOT} (5500 K / 0) and report the approximation.
 */
export function absoluteToRelativeWhiteBalance({
  kelvin,
  tint,
  asShot = FALLBACK_AS_SHOT,
}: {
  kelvin: number;
  tint: number;
  asShot?: { kelvin: number; tint: number };
}): { temperature: number; tint: number } {
  assertRange("kelvin", kelvin, 1000, 100000);
  assertRange("asShot.kelvin", asShot.kelvin, 1000, 100000);
  const mired = (k: number) => 1e6 / k;
  const temperature = Math.max(-200, Math.min(200, (mired(asShot.kelvin) - mired(kelvin)) / MIRED_PER_UNIT));
  return { temperature, tint: Math.max(-200, Math.min(200, ((tint - asShot.tint) * 100) / 150)) };
}

/**
 * Converts a preset's signed Kelvin offset (`Temperature="+400"`: relative to as-shot) into the
 * relative scale, taking the offset at `referenceKelvin` (5500 K unless the as-shot value is known).
 */
export function kelvinOffsetToRelative(offset: number, referenceKelvin: number = FALLBACK_AS_SHOT.kelvin): number {
  const target = Math.max(1000, referenceKelvin + offset);
  return Math.max(-200, Math.min(200, (1e6 / referenceKelvin - 1e6 / target) / MIRED_PER_UNIT));
}

/** Multiplies each channel of a linear image by its white-balance gain. */
export function applyWhiteBalance({ image, out, ...options }: { image: FloatImage; out?: Float32Array } & WhiteBalanceOptions): FloatImage {
  const dst = outputFor(image, out);
  const [gr, gg, gb] = whiteBalanceGains(options);
  const src = image.data;
  for (let i = 0; i < src.length; i += 3) {
    dst[i] = src[i] * gr;
    dst[i + 1] = src[i + 1] * gg;
    dst[i + 2] = src[i + 2] * gb;
  }
  return { data: dst, width: image.width, height: image.height };
}
