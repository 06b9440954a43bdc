import { srgbToLinear } from "../color/srgb";
import { assertImage8, type Image8 } from "./decode";
import { NODE_TO_LINEAR, type GlobalLut } from "./lut3d";
import { applyCube } from "./apply-cube";
import { headTables } from "./head-tables";
import { regionLevels, type ToneRegions } from "./tone-regions";
import { rowBands, type RowSelection } from "./row-bands";
import type { FloatImage } from "./types";

// Unpacking a packed sum (see GlobalLut): each 17-bit field divided by the weight sum 128 (2^7).
const PB = 2 ** -7;
const PG = 2 ** -24;
const PR = 2 ** -41;
/** Rounds each field to the nearest node code: half the weight sum, in every field. */
const BIAS = 64 * (2 ** 34 + 2 ** 17 + 1);

/**
 * One table per channel holding cell offset·512 + in-cell position: three loads instead of six per
 * pixel. The three positions sum to < 512, so the summed offsets survive a shift by 9.
 */
function packedCellTables(lut: GlobalLut): Int32Array[] {
  const { cellOffset, cellFrac } = headTables(lut);
  return [0, 1, 2].map((c) => {
    const [offsets, fractions] = [cellOffset[c], cellFrac[c]];
    const packed = new Int32Array(offsets.length); // a plain loop: see toCodes
    for (let i = 0; i < packed.length; i++) packed[i] = offsets[i] * 512 + fractions[i];
    return packed;
  });
}

/**
 * Builds the per-pixel kernel: tetrahedral interpolation of the packed cube at one pixel's codes,
 * the sum of four nodes each weighted by 0–128 (weights sum to 128). The tetrahedron is chosen by
 * ordering the in-cell positions (Kasson/Sakamoto). Tables are closed over as constants so the
 * JIT keeps them in registers.
 */
function makeInterpolator(lut: GlobalLut, grid: Float64Array): (r: number, g: number, b: number) => number {
  // r, g, b are table rows: code, or level·256 + code with tone regions.
  const [TR, TG, TB] = packedCellTables(lut);
  const sg = lut.size;
  const sr = sg * sg;
  const srg = sr + sg;
  const srb = sr + 1;
  const sgb = sg + 1;
  const s111 = sr + sg + 1;
  return (r: number, g: number, b: number): number => {
    const tr = TR[r];
    const tg = TG[g];
    const tb = TB[b];
    const fr = tr & 511;
    const fg = tg & 511;
    const fb = tb & 511;
    const base = (tr + tg + tb) >> 9;
    const c0 = grid[base];
    const c7 = grid[base + s111];
    if (fr >= fg) {
      if (fg >= fb) return c0 * (128 - fr) + grid[base + sr] * (fr - fg) + grid[base + srg] * (fg - fb) + c7 * fb;
      if (fr >= fb) return c0 * (128 - fr) + grid[base + sr] * (fr - fb) + grid[base + srb] * (fb - fg) + c7 * fg;
      return c0 * (128 - fb) + grid[base + 1] * (fb - fr) + grid[base + srb] * (fr - fg) + c7 * fg;
    }
    if (fb > fg) return c0 * (128 - fb) + grid[base + 1] * (fb - fg) + grid[base + sgb] * (fg - fr) + c7 * fr;
    if (fb > fr) return c0 * (128 - fg) + grid[base + sg] * (fg - fb) + grid[base + sgb] * (fb - fr) + c7 * fr;
    return c0 * (128 - fg) + grid[base + sg] * (fg - fr) + grid[base + srg] * (fr - fb) + c7 * fb;
  };
}

/**
 * Runs a baked global pipeline on an 8-bit image and writes 8-bit sRGB (same channel count; alpha
 * copied). One-dimensional tables when no stage mixes channels, the packed cube otherwise
 * (apply-cube.ts).
 */
export function applyGlobalLut({
  image,
  lut,
  out,
  regions,
  rows,
}: {
  image: Image8;
  lut: GlobalLut;
  out?: Uint8Array;
  regions?: ToneRegions | null;
  rows?: RowSelection;
}): Image8 {
  assertImage8(image);
  const { width, height, channels } = image;
  const n = width * height;
  const dst = out ?? new Uint8Array(n * channels);
  if (dst.length !== n * channels) throw new RangeError(`out has ${dst.length} bytes, expected ${n * channels}`);
  const src = image.data;
  const grid = lut.grid;
  const bands = rowBands(rows, height);
  if (grid) return applyCube({ image, dst, lut, grid, regions: lut.levels > 1 ? regionsFor(lut, regions) : null, bands });
  const lev = lut.levels > 1 ? regionLevels(regionsFor(lut, regions), image) : null;
  const [tr, tg, tb] = headTables(lut).separable.map(toCodes);
  for (let band = bands(); band; band = bands()) {
    const end = band[1] * width * channels;
    for (let i = band[0] * width * channels, p = band[0] * width; i < end; i += channels, p++) {
      const k = lev ? lev[p] << 8 : 0;
      dst[i] = tr[k + src[i]];
      dst[i + 1] = tg[k + src[i + 1]];
      dst[i + 2] = tb[k + src[i + 2]];
      if (channels === 4) dst[i + 3] = src[i + 3];
    }
  }
  return { data: dst, width, height, channels };
}

/**
 * A head table as 8-bit codes, and as linear light. Plain loops: with tone regions a table has
 * 256 levels × 256 codes, and `TypedArray.from` with a map callback took ~40 ms for the three of
 * them (a 320 px draft with Highlights set spent most of its render there).
 */
function toCodes(table: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(table.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.round(table[i] * 255);
  return out;
}

function toLinear(table: ArrayLike<number>): Float32Array {
  const out = new Float32Array(table.length);
  for (let i = 0; i < out.length; i++) out[i] = srgbToLinear(table[i]);
  return out;
}

/** The tone regions a LUT with per-level tables needs (see tone-regions.ts). */
function regionsFor(lut: GlobalLut, regions: ToneRegions | null | undefined): ToneRegions {
  if (!regions) throw new RangeError(`this LUT has ${lut.levels} tone levels: pass the image's tone regions`);
  return regions;
}

/**
 * Runs a baked global pipeline on an 8-bit image and writes linear-light float RGB, the input of
 * the spatial stages. The cube path keeps half-code precision (1/510).
 */
export function applyGlobalLutToLinear({
  image,
  lut,
  out,
  regions,
}: {
  image: Image8;
  lut: GlobalLut;
  out?: Float32Array;
  regions?: ToneRegions | null;
}): FloatImage {
  assertImage8(image);
  const { width, height, channels } = image;
  const n = width * height;
  const dst = out ?? new Float32Array(n * 3);
  if (dst.length !== n * 3) throw new RangeError(`out has ${dst.length} values, expected ${n * 3}`);
  const lev = lut.levels > 1 ? regionLevels(regionsFor(lut, regions), image) : null;
  const src = image.data;
  const grid = lut.grid;
  if (!grid) {
    const [tr, tg, tb] = headTables(lut).separable.map(toLinear);
    for (let p = 0, s = 0, d = 0; p < n; p++, s += channels, d += 3) {
      const k = lev ? lev[p] << 8 : 0;
      dst[d] = tr[k + src[s]];
      dst[d + 1] = tg[k + src[s + 1]];
      dst[d + 2] = tb[k + src[s + 2]];
    }
    return { data: dst, width, height };
  }
  const dec = NODE_TO_LINEAR;
  const interpolate = makeInterpolator(lut, grid);
  for (let p = 0, s = 0, d = 0; p < n; p++, s += channels, d += 3) {
    const k = lev ? lev[p] << 8 : 0;
    const acc = interpolate(k + src[s], k + src[s + 1], k + src[s + 2]) + BIAS;
    dst[d] = dec[(acc * PR) | 0];
    dst[d + 1] = dec[(acc * PG) & 1023];
    dst[d + 2] = dec[(acc * PB) & 1023];
  }
  return { data: dst, width, height };
}
