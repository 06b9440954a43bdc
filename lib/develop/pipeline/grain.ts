import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { mulberry32 } from "./prng";
import { assertRange, type FloatImage } from "./types";

/** Film grain (Grain*). */
export type GrainOptions = {
  /** 0–100. @default 0 */ amount?: number;
  /** Grain size 0–100. @default 25 */ size?: number;
  /** Roughness ("GrainFrequency") 0–100: share of fine, per-cell noise. @default 50 */ frequency?: number;
  /** PRNG seed; the same seed gives byte-identical grain. @default 0 */ seed?: number;
};

/**
 * Adds luminance grain in place on a linear image (our formulation in the spirit of darktable's
 * grain.c, which also modulates noise by mid-tone weight). A noise field is drawn on a coarse grid
 * of cell c = 1 + 3·size/100 px (values: sum of two uniforms − 1, triangular on [−1, 1]) and
 * sampled bilinearly (smooth grain); roughness mixes in a second, per-pixel field. The multiplier
 * 1 + 0.5·amount/100·n·(0.3 + 2.8·Y(1 − Y)) is applied to all channels, so colours keep their hue.
 */
export function applyGrain({ image, amount = 0, size = 25, frequency = 50, seed = 0 }: { image: FloatImage } & GrainOptions): FloatImage {
  assertRange("amount", amount, 0, 100);
  assertRange("size", size, 0, 100);
  assertRange("frequency", frequency, 0, 100);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (amount === 0) return image;
  const { width: w, height: h, data } = image;
  const rand = mulberry32(seed);
  const cell = 1 + (3 * size) / 100;
  const gw = Math.ceil(w / cell) + 2;
  const gh = Math.ceil(h / cell) + 2;
  const grid = new Float32Array(gw * gh);
  for (let i = 0; i < grid.length; i++) grid[i] = rand() + rand() - 1;
  const rough = frequency / 100;
  const k = (0.5 * amount) / 100;
  for (let y = 0; y < h; y++) {
    const gy = y / cell;
    const y0 = gy | 0;
    const fy = gy - y0;
    for (let x = 0, p = y * w; x < w; x++, p++) {
      const gx = x / cell;
      const x0 = gx | 0;
      const fx = gx - x0;
      const q = y0 * gw + x0;
      const top = grid[q] + (grid[q + 1] - grid[q]) * fx;
      const bot = grid[q + gw] + (grid[q + gw + 1] - grid[q + gw]) * fx;
      const fine = rand() + rand() - 1;
      const nval = (1 - rough) * (top + (bot - top) * fy) + rough * fine;
      const i = p * 3;
      const Y = Math.min(1, LUMA_R * data[i] + LUMA_G * data[i + 1] + LUMA_B * data[i + 2]);
      const m = 1 + k * nval * (0.3 + 2.8 * Y * (1 - Y));
      data[i] *= m;
      data[i + 1] *= m;
      data[i + 2] *= m;
    }
  }
  return image;
}
