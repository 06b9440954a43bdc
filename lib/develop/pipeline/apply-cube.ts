import type { Image8 } from "./decode";
import { applyCubeKernel, cubeKernel } from "./cube-kernel";
import { MAX_HEAD_STEPS, NODE_TO_CODE, type GlobalLut } from "./lut3d";
import type { RowBands } from "./row-bands";
import { REGION_TARGET_SIZE, regionRow, regionSpans, type RegionSpans, type ToneRegions } from "./tone-regions";

// Unpacking a packed sum (see GlobalLut): each 17-bit field divided by the weight sum 128 (2^7).
const PB = 2 ** -7;
const PG = 2 ** -24;
const PR = 2 ** -41;
/** Rounds each field to the nearest node code: half the weight sum, in every field. */
const BIAS = 64 * (2 ** 34 + 2 ** 17 + 1);

/*
 * The kernel's tables live at module scope, allocated once at their largest size and refilled by
 * each render (a render is synchronous, so two never interleave within one JS realm). V8 then
 * compiles them as constants: no base pointer or length to keep in a register or reload per access
 * and bounds checks against immediates. Measured on the bench's 12 MP edit, the same loop over
 * tables passed as arguments or closed over per call ran ~1.4× slower (register spills and
 * re-checked typed-array fields on every one of its 20 table accesses per pixel).
 */
/**
 * The packed cube recast for a branchless kernel: node value ·128 + rounding bias, and each node's
 * step to its next neighbour along R, G and B (packed differences, exact: integers < 2^51). See
 * cubeRow. Sized for the largest cube (65³); only the first size³ entries are written, so the
 * untouched zero pages of a smaller render cost no memory.
 */
const NODE_128 = new Float64Array(65 ** 3);
const NEXT_R = new Float64Array(65 ** 3);
const NEXT_G = new Float64Array(65 ** 3);
const NEXT_B = new Float64Array(65 ** 3);
const LIFT = new Int32Array(256);
const PRE_R = new Int32Array(256);
const PRE_G = new Int32Array(256);
const PRE_B = new Int32Array(256);
const CELL_R = new Int32Array(MAX_HEAD_STEPS);
const CELL_G = new Int32Array(MAX_HEAD_STEPS);
const CELL_B = new Int32Array(MAX_HEAD_STEPS);
const CODE = NODE_TO_CODE;
/** Low-res coefficient rows and runs (≤ REGION_TARGET_SIZE + 1 entries, see tone-regions.ts). */
const ROW_CAPACITY = REGION_TARGET_SIZE + 8;
const ROW_A = new Float32Array(ROW_CAPACITY);
const ROW_B = new Float32Array(ROW_CAPACITY);
/** The spans of the current render (tone-regions.ts RegionSpans), and where the next one starts. */
const SPAN_START = new Int32Array(ROW_CAPACITY + 1);
const SPAN_COLUMN = new Int32Array(ROW_CAPACITY);
const SPAN_F0 = new Float64Array(ROW_CAPACITY);
const SPAN_DF = new Float64Array(ROW_CAPACITY);
/** The guide's luminance weights per code (R carries the rounding): Y = (Y_R[r] + Y_G[g] + Y_B[b]) >> 8. */
const Y_R = Int32Array.from({ length: 256 }, (_, v) => 54 * v + 128);
const Y_G = Int32Array.from({ length: 256 }, (_, v) => 183 * v);
const Y_B = Int32Array.from({ length: 256 }, (_, v) => 19 * v);
/** Row buffers: per-pixel lifts, and RGBA rows packed to RGB (wider images get their own). */
const ROW_PIXELS = 8192;
const LIFT_ROW = new Int32Array(ROW_PIXELS);
const RGB_IN = new Uint8Array(ROW_PIXELS * 3);
const RGB_OUT = new Uint8Array(ROW_PIXELS * 3);

/**
 * Fills the kernel's head tables: with tone regions the compact head (pre-lift index per code, lift
 * per level, cell per index); without, the head is one cell per code (pre = code, every lift 0).
 * Returns the number of cells per channel.
 */
function loadHead(lut: GlobalLut): number {
  const head = lut.regionHead;
  if (!head) {
    const pre = [PRE_R, PRE_G, PRE_B];
    const cells = [CELL_R, CELL_G, CELL_B];
    for (let c = 0; c < 3; c++) {
      for (let v = 0; v < 256; v++) {
        pre[c][v] = v;
        cells[c][v] = lut.cellOffset[c][v] * 512 + lut.cellFrac[c][v];
      }
    }
    return 256;
  }
  if (head.cells[0].length > MAX_HEAD_STEPS)
    throw new RangeError(`tone head has ${head.cells[0].length} steps, more than ${MAX_HEAD_STEPS}`);
  LIFT.set(head.lift);
  PRE_R.set(head.pre[0]);
  PRE_G.set(head.pre[1]);
  PRE_B.set(head.pre[2]);
  CELL_R.set(head.cells[0]);
  CELL_G.set(head.cells[1]);
  CELL_B.set(head.cells[2]);
  return head.cells[0].length;
}

/** Fills NODE_128 and NEXT_R/G/B from the packed cube (steps off the cube's far faces are never read: 0). */
function loadCube(grid: Float64Array, size: number): void {
  const n = size * size * size;
  const sr = size * size;
  for (let p = 0; p < n; p++) {
    const v = grid[p];
    NODE_128[p] = v * 128 + BIAS;
    NEXT_R[p] = p + sr < n ? grid[p + sr] - v : 0;
    NEXT_G[p] = p + size < n ? grid[p + size] - v : 0;
    NEXT_B[p] = p + 1 < n ? grid[p + 1] - v : 0;
  }
}

/**
 * The cube loop of applyGlobalLut: tetrahedral interpolation of the packed cube (see
 * apply-lut3d.ts). When the head depends on each pixel's base level (tone regions, `regions`
 * given) it reads the compact head (GlobalLut.regionHead), row by row: the row's low-res
 * coefficients, then each pixel's lift (base = a·Y + b, stepped along each low-res span, see
 * tone-regions.ts), then the lookups — two flat loops; without, only the last, with every lift 0.
 * Fusing them measured ~1.2–1.3× slower: spans are only `factor` (≈ 8) pixels long and a long
 * kernel restarted every span. RGBA rows are packed to RGB first so the kernel's stride is a
 * constant 3 (~6 % faster than a variable stride). Writes the rows `bands` hands out (alpha copied).
 * Runs on the WebAssembly form of these loops (cube-kernel.ts, same bytes) where the runtime has
 * WebAssembly, unless `wasm` is false.
 */
export function applyCube(o: {
  image: Image8;
  dst: Uint8Array;
  lut: GlobalLut;
  grid: Float64Array;
  regions: ToneRegions | null;
  bands: RowBands;
  wasm?: boolean;
}): Image8 {
  const { image, dst, lut, grid, regions, bands } = o;
  const { data: src, width, height, channels } = image;
  const spans = regions ? regionSpans(regions, width) : null;
  if (regions && spans && (regions.width + 1 > ROW_CAPACITY || spans.start.length > ROW_CAPACITY))
    throw new RangeError(`tone regions are ${regions.width} wide, more than ${ROW_CAPACITY - 1}`);
  const cellCount = loadHead(lut);
  const kernel = o.wasm === false ? null : cubeKernel();
  if (kernel) {
    const head = { pre: [PRE_R, PRE_G, PRE_B], cells: [CELL_R, CELL_G, CELL_B], cellCount, lift: LIFT, code: CODE };
    applyCubeKernel({ kernel, image, dst, size: lut.size, grid, cube: { bias: BIAS }, head, regions, spans, bands });
    return { data: dst, width, height, channels };
  }
  if (spans) loadSpans(spans, width);
  loadCube(grid, lut.size);
  const wide = width > ROW_PIXELS;
  const lift = wide ? new Int32Array(width) : LIFT_ROW;
  if (!spans) lift.fill(0);
  const rgbIn = channels === 3 ? null : wide ? new Uint8Array(width * 3) : RGB_IN;
  const rgbOut = channels === 3 ? null : wide ? new Uint8Array(width * 3) : RGB_OUT;
  for (let band = bands(); band; band = bands())
    for (let y = band[0]; y < band[1]; y++) {
      if (regions) regionRow(regions, y, ROW_A, ROW_B);
      const at = y * width * channels;
      if (rgbIn && rgbOut) {
        for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) rgbIn[x * 3 + c] = src[at + x * 4 + c];
        if (spans) rowLifts(rgbIn, 0, width, spans.start.length, lift);
        cubeRow(rgbIn, rgbOut, 0, width, lut.size, lift);
        for (let x = 0; x < width; x++) {
          for (let c = 0; c < 3; c++) dst[at + x * 4 + c] = rgbOut[x * 3 + c];
          dst[at + x * 4 + 3] = src[at + x * 4 + 3];
        }
      } else {
        if (spans) rowLifts(src, at, width, spans.start.length, lift);
        cubeRow(src, dst, at, width, lut.size, lift);
      }
    }
  return { data: dst, width, height, channels };
}

function loadSpans(spans: RegionSpans, width: number): void {
  const n = spans.start.length;
  SPAN_START.set(spans.start);
  SPAN_START[n] = width;
  SPAN_COLUMN.set(spans.j);
  SPAN_F0.set(spans.f0);
  SPAN_DF.set(spans.df);
}

/**
 * The lift of each pixel of an RGB row starting at byte `at` (the row's coefficients in ROW_A/B):
 * one flat loop that, where a span starts, takes its coefficients at its first pixel and their
 * step per pixel, then steps them (the same additions as stepping span by span).
 */
function rowLifts(src: Image8["data"], at: number, width: number, spanCount: number, out: Int32Array): void {
  let s = 0;
  let next = 0;
  let ca = 0;
  let cb = 0;
  let sa = 0;
  let sb = 0;
  for (let x = 0, i = at; x < width; x++, i += 3) {
    if (x === next) {
      const j = SPAN_COLUMN[s];
      const f0 = SPAN_F0[s];
      const df = SPAN_DF[s];
      const a0 = ROW_A[j];
      const b0 = ROW_B[j];
      const dA = ROW_A[j + 1] - a0;
      const dB = ROW_B[j + 1] - b0;
      // Coefficients scaled by 2^16 so `>> 16` both truncates and rounds (cb carries + 0.5).
      ca = (a0 + dA * f0) * 65536;
      cb = (b0 + dB * f0 + 0.5) * 65536;
      sa = dA * df * 65536;
      sb = dB * df * 65536;
      s++;
      next = s < spanCount ? SPAN_START[s] : width;
    }
    // a·Y + b is a convex mix of window values in [0, 255] (see computeToneRegions), so the
    // rounded level needs no clamp; the mask only guards the table bounds.
    out[x] = LIFT[((ca * ((Y_R[src[i]] + Y_G[src[i + 1]] + Y_B[src[i + 2]]) >> 8) + cb) >> 16) & 255];
    ca += sa;
    cb += sb;
  }
}

/**
 * One RGB row of the cube kernel: head (pre-lift value + lift → cell), tetrahedral interpolation,
 * clip. The tetrahedron is the path from the cell's first node that steps along the channels in
 * decreasing order of in-cell position f (Kasson/Sakamoto); its value is
 *   128·c0 + f_r·Δ_r + f_g·Δ_g + f_b·Δ_b,
 * where Δ_c is the step along channel c taken from the node the path has reached when it moves
 * along c: the cell's first node offset by the channels that come before c (larger f; ties go to
 * R, then G, then B). The order is read from sign bits, so the kernel has no data-dependent branch:
 * the six-way branch it replaces was mispredicted often enough to cost ~25 % of the loop. Same
 * integers as the branchy form, so the same bytes.
 */
function cubeRow(src: Image8["data"], dst: Uint8Array, at: number, width: number, size: number, lift: Int32Array): void {
  const sg = size;
  const sr = size * size;
  for (let x = 0, i = at; x < width; x++, i += 3) {
    const d = lift[x];
    const tr = CELL_R[PRE_R[src[i]] + d];
    const tg = CELL_G[PRE_G[src[i + 1]] + d];
    const tb = CELL_B[PRE_B[src[i + 2]] + d];
    const fr = tr & 511;
    const fg = tg & 511;
    const fb = tb & 511;
    const base = (tr + tg + tb) >> 9;
    // 1 when the second channel's position is strictly larger (it comes first on the path).
    const gBeforeR = (fr - fg) >>> 31;
    const bBeforeR = (fr - fb) >>> 31;
    const bBeforeG = (fg - fb) >>> 31;
    const acc =
      NODE_128[base] +
      fr * NEXT_R[base + (sg & -gBeforeR) + bBeforeR] +
      fg * NEXT_G[base + (sr & (gBeforeR - 1)) + bBeforeG] +
      fb * NEXT_B[base + (sr & (bBeforeR - 1)) + (sg & (bBeforeG - 1))];
    dst[i] = CODE[(acc * PR) | 0];
    dst[i + 1] = CODE[(acc * PG) & 1023];
    dst[i + 2] = CODE[(acc * PB) & 1023];
  }
}
