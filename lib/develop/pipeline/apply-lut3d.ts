import { srgbToLinear } from "../color/srgb";
import { assertImage8, type Image8 } from "./decode";
import { HALF_CODE_TO_LINEAR, type GlobalLut } from "./lut3d";
import type { FloatImage } from "./types";

// Powers of two used to unpack the three 17-bit fields of a packed node sum (see GlobalLut).
const P9 = 2 ** -9;
const P26 = 2 ** -26;
const P43 = 2 ** -43;
const P8 = 2 ** -8;
const P25 = 2 ** -25;
const P42 = 2 ** -42;
/** Rounding bias of each field when unpacking to codes (half of 512 = 256 weight × 2 half-codes). */
const BIAS_CODE = 256 * (2 ** 34 + 2 ** 17 + 1);
/** Rounding bias when unpacking to half-codes. */
const BIAS_HALF = 128 * (2 ** 34 + 2 ** 17 + 1);

/**
 * Tetrahedral interpolation of the packed cube at one pixel's codes: the sum of four nodes, each
 * weighted by 0–256 (weights sum to 256). The tetrahedron is chosen by ordering the in-cell
 * positions, as in the classic Kasson/Sakamoto scheme.
 */
function interpolate(lut: GlobalLut, grid: Float64Array, r: number, g: number, b: number): number {
  const fr = lut.cellFrac[0][r];
  const fg = lut.cellFrac[1][g];
  const fb = lut.cellFrac[2][b];
  const base = lut.cellOffset[0][r] + lut.cellOffset[1][g] + lut.cellOffset[2][b];
  const sg = lut.size;
  const sr = sg * sg;
  const c0 = grid[base];
  const c7 = grid[base + sr + sg + 1];
  if (fr >= fg) {
    if (fg >= fb) return c0 * (256 - fr) + grid[base + sr] * (fr - fg) + grid[base + sr + sg] * (fg - fb) + c7 * fb;
    if (fr >= fb) return c0 * (256 - fr) + grid[base + sr] * (fr - fb) + grid[base + sr + 1] * (fb - fg) + c7 * fg;
    return c0 * (256 - fb) + grid[base + 1] * (fb - fr) + grid[base + sr + 1] * (fr - fg) + c7 * fg;
  }
  if (fb > fg) return c0 * (256 - fb) + grid[base + 1] * (fb - fg) + grid[base + sg + 1] * (fg - fr) + c7 * fr;
  if (fb > fr) return c0 * (256 - fg) + grid[base + sg] * (fg - fb) + grid[base + sg + 1] * (fb - fr) + c7 * fr;
  return c0 * (256 - fg) + grid[base + sg] * (fg - fr) + grid[base + sr + sg] * (fr - fb) + c7 * fb;
}

/**
 * Runs a baked global pipeline on an 8-bit image and writes 8-bit sRGB (same channel count; alpha
 * copied). One-dimensional tables when no stage mixes channels, the packed cube otherwise.
 */
export function applyGlobalLut({ image, lut, out }: { image: Image8; lut: GlobalLut; out?: Uint8Array }): Image8 {
  assertImage8(image);
  const { width, height, channels } = image;
  const n = width * height;
  const dst = out ?? new Uint8Array(n * channels);
  if (dst.length !== n * channels) throw new RangeError(`out has ${dst.length} bytes, expected ${n * channels}`);
  const src = image.data;
  const grid = lut.grid;
  const end = n * channels;
  if (!grid) {
    const [tr, tg, tb] = lut.separable.map((t) => Uint8Array.from(t, (v) => Math.round(v * 255)));
    for (let i = 0; i < end; i += channels) {
      dst[i] = tr[src[i]];
      dst[i + 1] = tg[src[i + 1]];
      dst[i + 2] = tb[src[i + 2]];
      if (channels === 4) dst[i + 3] = src[i + 3];
    }
    return { data: dst, width, height, channels };
  }
  for (let i = 0; i < end; i += channels) {
    const acc = interpolate(lut, grid, src[i], src[i + 1], src[i + 2]) + BIAS_CODE;
    dst[i] = (acc * P43) | 0;
    dst[i + 1] = (acc * P26) & 255;
    dst[i + 2] = (acc * P9) & 255;
    if (channels === 4) dst[i + 3] = src[i + 3];
  }
  return { data: dst, width, height, channels };
}

/**
 * Runs a baked global pipeline on an 8-bit image and writes linear-light float RGB, the input of
 * the spatial stages. The cube path keeps half-code precision (1/510).
 */
export function applyGlobalLutToLinear({ image, lut, out }: { image: Image8; lut: GlobalLut; out?: Float32Array }): FloatImage {
  assertImage8(image);
  const { width, height, channels } = image;
  const n = width * height;
  const dst = out ?? new Float32Array(n * 3);
  if (dst.length !== n * 3) throw new RangeError(`out has ${dst.length} values, expected ${n * 3}`);
  const src = image.data;
  const grid = lut.grid;
  if (!grid) {
    const [tr, tg, tb] = lut.separable.map((t) => Float32Array.from(t, (v) => srgbToLinear(v)));
    for (let p = 0, s = 0, d = 0; p < n; p++, s += channels, d += 3) {
      dst[d] = tr[src[s]];
      dst[d + 1] = tg[src[s + 1]];
      dst[d + 2] = tb[src[s + 2]];
    }
    return { data: dst, width, height };
  }
  const dec = HALF_CODE_TO_LINEAR;
  for (let p = 0, s = 0, d = 0; p < n; p++, s += channels, d += 3) {
    const acc = interpolate(lut, grid, src[s], src[s + 1], src[s + 2]) + BIAS_HALF;
    dst[d] = dec[(acc * P42) | 0];
    dst[d + 1] = dec[(acc * P25) & 511];
    dst[d + 2] = dec[(acc * P8) & 511];
  }
  return { data: dst, width, height };
}
