/** 8-bit sRGB code value → linear light, per IEC 61966-2-1. */
export const SRGB_TO_LINEAR: Float64Array = (() => {
  const lut = new Float64Array(256);
  for (let i = 0; i < 256; i++) {
    const v = i / 255;
    lut[i] = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }
  return lut;
})();

// D65 reference white, from the sRGB matrix rows so that RGB white maps to a* = b* = 0.
const XN = 0.4124564 + 0.3575761 + 0.1804375;
const YN = 1;
const ZN = 0.0193339 + 0.119192 + 0.9503041;
const EPSILON = (6 / 29) ** 3;
const KAPPA_SLOPE = 1 / (3 * (6 / 29) ** 2);

const f = (t: number) => (t > EPSILON ? Math.cbrt(t) : t * KAPPA_SLOPE + 4 / 29);

/**
 * CIE L*a*b* (D65) of an 8-bit sRGB colour: L* in 0–100, a* and b* roughly ±128.
 * Writes into `out` (length ≥ 3) to avoid allocating in per-pixel loops.
 */
export function srgbToLab(r: number, g: number, b: number, out: Float64Array | number[] = new Float64Array(3)): Float64Array | number[] {
  const rl = SRGB_TO_LINEAR[r];
  const gl = SRGB_TO_LINEAR[g];
  const bl = SRGB_TO_LINEAR[b];
  const fx = f((0.4124564 * rl + 0.3575761 * gl + 0.1804375 * bl) / XN);
  const fy = f((0.2126729 * rl + 0.7151522 * gl + 0.072175 * bl) / YN);
  const fz = f((0.0193339 * rl + 0.119192 * gl + 0.9503041 * bl) / ZN);
  out[0] = 116 * fy - 16;
  out[1] = 500 * (fx - fy);
  out[2] = 200 * (fy - fz);
  return out;
}
