import type { Image8 } from "./decode";
import { WASM_HEX } from "./cube-kernel-wasm";
import type { RowBands } from "./row-bands";
import { regionRow, type RegionSpans, type ToneRegions } from "./tone-regions";

/**
 * The WebAssembly form of the cube kernel (cube-kernel.wat, built by `npm run build:wasm` into
 * cube-kernel-wasm.ts): apply-cube.ts's rowLifts and cubeRow with the same results, so the same
 * bytes (the lift in the same float64 operations, the cube's sums in exact integers), without the
 * bounds checks and typed-array field checks V8 keeps in the JS loops. The module is embedded
 * (lib/develop is universal: no file to read in a bundled Web Worker) and compiled synchronously
 * on first use, once per realm; where WebAssembly is missing or refuses the module (a page CSP
 * without 'wasm-unsafe-eval'), {@link cubeKernel} is null and apply-cube.ts runs its JS loops.
 */
type CubeKernel = {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  /** f64 → i64 in place (the cube, see cube-kernel.wat). */
  toIntegers(at: number, count: number): void;
  /** Each pixel's lift (i32 at `out`) for an RGB row, from the row's coefficients and spans. */
  rowLifts(src: number, width: number, spanCount: number, out: number): void;
  /** One RGB row through the cube (at `cube`, see loadCube), each pixel's lift read from `lift`. */
  cubeRow(src: number, dst: number, width: number, size: number, lift: number, cube: number): void;
};

/** The part of the WebAssembly API the kernel needs (lib/develop is typed without the DOM). */
type WasmApi = { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } };

/** Byte offsets of the tables in the kernel's memory (must match cube-kernel.wat's header). */
const LAYOUT = {
  cells: [0, 49152, 98304],
  pre: [147456, 148480, 149504],
  lift: 150528,
  code: 151552,
  rowA: 152576,
  rowB: 156672,
  spanStart: 160768,
  spanColumn: 164864,
  spanF0: 168960,
  spanDf: 177152,
  /** Rows and cube from here on. */
  free: 185344,
} as const;
/** Entries of the fixed row-coefficient tables. */
const ROW_CAPACITY = 1024;
const PAGE = 65536;

let kernel: CubeKernel | null | undefined;

/** The kernel instance of this realm, or null where WebAssembly is unavailable. */
export function cubeKernel(): CubeKernel | null {
  if (kernel !== undefined) return kernel;
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  try {
    kernel = api ? (new api.Instance(new api.Module(hexBytes(WASM_HEX))).exports as CubeKernel) : null;
  } catch {
    kernel = null;
  }
  return kernel;
}

function hexBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** The head tables apply-cube.ts filled for this render (pre-lift index, lift per level, cells). */
export type CubeHead = { pre: Int32Array[]; cells: Int32Array[]; cellCount: number; lift: Int32Array; code: Uint8Array };

/**
 * The rows `bands` hands out of `image`, through the cube on the WebAssembly kernel, into `dst` (alpha copied):
 * the same row loop as applyCube, which has checked the head and regions fit the fixed tables
 * (≤ MAX_HEAD_STEPS cells, ≤ REGION_TARGET_SIZE + 8 columns and spans). Each row is copied into the
 * kernel's memory (RGBA packed to RGB) and back; the kernel's two loops stay apart, as in JS
 * (fused, the WebAssembly ran ~1.3× slower too).
 */
export function applyCubeKernel(o: {
  kernel: CubeKernel;
  image: Image8;
  dst: Uint8Array;
  size: number;
  grid: Float64Array;
  cube: { bias: number };
  head: CubeHead;
  regions: ToneRegions | null;
  spans: RegionSpans | null;
  bands: RowBands;
}): void {
  const { kernel, image, dst, size, grid, head, regions, spans, bands } = o;
  const { data: src, width, channels } = image;
  const rowBytes = align(width * 3, 8);
  const srcRow = LAYOUT.free;
  const dstRow = srcRow + rowBytes;
  const liftRow = dstRow + rowBytes;
  const cubeAt = align(liftRow + width * 4, 32);
  const needed = cubeAt + size * size * size * 32;
  const have = kernel.memory.buffer.byteLength;
  if (needed > have) kernel.memory.grow(Math.ceil((needed - have) / PAGE));
  const buffer = kernel.memory.buffer;
  const u8 = new Uint8Array(buffer);
  const i32 = new Int32Array(buffer);
  const f64 = new Float64Array(buffer);
  for (let c = 0; c < 3; c++) {
    i32.set(head.cells[c].subarray(0, head.cellCount), LAYOUT.cells[c] >> 2);
    i32.set(head.pre[c], LAYOUT.pre[c] >> 2);
  }
  i32.set(head.lift, LAYOUT.lift >> 2);
  u8.set(head.code, LAYOUT.code);
  loadCube(f64, cubeAt >> 3, grid, size, o.cube.bias);
  kernel.toIntegers(cubeAt, size * size * size * 4);
  if (spans) {
    const n = spans.start.length;
    i32.set(spans.start, LAYOUT.spanStart >> 2);
    i32[(LAYOUT.spanStart >> 2) + n] = width;
    i32.set(spans.j, LAYOUT.spanColumn >> 2);
    f64.set(spans.f0, LAYOUT.spanF0 >> 3);
    f64.set(spans.df, LAYOUT.spanDf >> 3);
  } else i32.fill(0, liftRow >> 2, (liftRow >> 2) + width);
  const rowA = new Float32Array(buffer, LAYOUT.rowA, ROW_CAPACITY);
  const rowB = new Float32Array(buffer, LAYOUT.rowB, ROW_CAPACITY);
  for (let band = bands(); band; band = bands())
    for (let y = band[0]; y < band[1]; y++) {
      const at = y * width * channels;
      if (channels === 3) u8.set(src.subarray(at, at + width * 3), srcRow);
      else for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) u8[srcRow + x * 3 + c] = src[at + x * 4 + c];
      if (regions && spans) {
        regionRow(regions, y, rowA, rowB);
        kernel.rowLifts(srcRow, width, spans.start.length, liftRow);
      }
      kernel.cubeRow(srcRow, dstRow, width, size, liftRow, cubeAt);
      if (channels === 3) dst.set(u8.subarray(dstRow, dstRow + width * 3), at);
      else {
        for (let x = 0; x < width; x++) {
          for (let c = 0; c < 3; c++) dst[at + x * 4 + c] = u8[dstRow + x * 3 + c];
          dst[at + x * 4 + 3] = src[at + x * 4 + 3];
        }
      }
    }
}

function align(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/**
 * The packed cube, 4 float64 a node: value·128 + rounding bias, then the packed steps to the next
 * node along R, G and B (0 off the far faces, never read) — the JS kernel's NODE_128 and NEXT_*,
 * interleaved so a node's value and first step share a cache line.
 */
function loadCube(f64: Float64Array, at: number, grid: Float64Array, size: number, bias: number): void {
  const n = size * size * size;
  const sr = size * size;
  for (let p = 0, q = at; p < n; p++, q += 4) {
    const v = grid[p];
    f64[q] = v * 128 + bias;
    f64[q + 1] = p + sr < n ? grid[p + sr] - v : 0;
    f64[q + 2] = p + size < n ? grid[p + size] - v : 0;
    f64[q + 3] = p + 1 < n ? grid[p + 1] - v : 0;
  }
}
