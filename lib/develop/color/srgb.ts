// sRGB transfer function (IEC 61966-2-1). The formula is extended past 1 on the encode side so that
// values pushed above white by exposure keep a meaningful, monotonic display value until clipping.

/** sRGB-encoded value (0–1) → linear light. Negative input returns 0. */
export function srgbToLinear(v: number): number {
  if (v <= 0) return 0;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** Linear light → sRGB-encoded value. Not clamped: inputs above 1 give values above 1. */
export function linearToSrgb(x: number): number {
  if (x <= 0) return 0;
  return x <= 0.0031308 ? x * 12.92 : 1.055 * Math.pow(x, 1 / 2.4) - 0.055;
}

/** Linear value of every 8-bit sRGB code: `SRGB_DECODE_LUT[code]`. */
export const SRGB_DECODE_LUT: Float32Array = (() => {
  const t = new Float32Array(256);
  for (let i = 0; i < 256; i++) t[i] = srgbToLinear(i / 255);
  return t;
})();

/** Size of the fine encode table: linear 0–1 sampled at 65 536 points (error < 0.06 code near black). */
export const ENCODE_LUT_SIZE = 65536;

/**
 * 8-bit sRGB code for linear values sampled on a fine grid: `SRGB_ENCODE_LUT[round(x·65535)]`.
 * Use {@link encodeLinearToByte} which clamps the index.
 */
export const SRGB_ENCODE_LUT: Uint8Array = (() => {
  // The code never falls as the index rises, so each code's run ends where a binary search finds
  // the next code: 256 searches of 16 steps instead of 65 536 pow() calls at every load of the engine
  // (it is on the preview worker's path to its first frame). The same table, entry for entry.
  const t = new Uint8Array(ENCODE_LUT_SIZE);
  const codeAt = (i: number) => Math.round(Math.min(1, linearToSrgb(i / (ENCODE_LUT_SIZE - 1))) * 255);
  for (let start = 0, code = 0; start < ENCODE_LUT_SIZE; code++) {
    let lo = start;
    let hi = ENCODE_LUT_SIZE;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (codeAt(mid) > code) hi = mid;
      else lo = mid + 1;
    }
    t.fill(code, start, lo);
    start = lo;
  }
  return t;
})();

/** Linear value → 8-bit sRGB code through the fine table (clamps to 0–255). */
export function encodeLinearToByte(x: number): number {
  const i = (x * (ENCODE_LUT_SIZE - 1) + 0.5) | 0;
  return SRGB_ENCODE_LUT[i < 0 ? 0 : i >= ENCODE_LUT_SIZE ? ENCODE_LUT_SIZE - 1 : i];
}
