import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Exports of the WebAssembly eval kernel (ssim-kernel.wat, built by `npm run build:wasm`):
 * the SIMD versions of the eval sweep's three loops. Addresses are byte offsets into
 * `memory`; a pixel's moments are 32 bytes, [x, y, x² + y², x·y] as Float64 (the layout of
 * {@link SsimRows.moments}); `k` points at the 64-byte constants block (see
 * {@link writeKernelConstants}).
 */
export type SsimKernel = {
  memory: WebAssembly.Memory;
  /** One row of two 3- or 4-channel images (+1 byte of padding after each) → moments at `q`; adds its Σ|Δ| and ΣΔ² to the globals. */
  gather: (pa: number, ca: number, pb: number, cb: number, width: number, q: number, wr: number, wg: number, wb: number) => void;
  /** Valid-mode horizontal 11-tap filter of the row's moments at `q` into `outWidth` pixels at `dst`. */
  horizontal: (q: number, dst: number, outWidth: number, k: number) => void;
  /** Vertical 11-tap filter over the ring (oldest row `first`) fused with SSIM; returns `total` plus the row's SSIM values. Needs the ring's stride rounded up to an even pixel count. */
  vertical: (ring: number, stride: number, first: number, outWidth: number, k: number, total: number) => number;
  sumAbs: WebAssembly.Global;
  sumSq: WebAssembly.Global;
};

/** Bytes of the constants block: kernel weights w[5..10] (centre first), then C1, C2. */
export const KERNEL_CONSTANTS_BYTES = 64;

let compiled: WebAssembly.Module | null = null;

/**
 * A fresh instance (its own memory) of the kernel; the module is compiled once per thread.
 * Read from the .wasm beside this file, so it runs from source (tsx, vitest), as the
 * metrics pool does, not from a bundle.
 */
export function instantiateSsimKernel(): SsimKernel {
  if (!compiled) {
    const file = import.meta.url.replace(/ssim-kernel\.ts$/, "ssim-kernel.wasm");
    if (file === import.meta.url) throw new Error("The SSIM kernel runs from source (tsx), not from a bundle");
    compiled = new WebAssembly.Module(readFileSync(fileURLToPath(file)));
  }
  return new WebAssembly.Instance(compiled).exports as unknown as SsimKernel;
}

/** Write the constants block at byte `at` (8-aligned): the centre-first half of an 11-tap kernel, C1, C2. */
export function writeKernelConstants(memory: WebAssembly.Memory, at: number, kernel: Float64Array, c1: number, c2: number): void {
  if (kernel.length !== 11) throw new RangeError("The SSIM kernel is 11 taps");
  const view = new Float64Array(memory.buffer, at, 8);
  view.set(kernel.subarray(5));
  view[6] = c1;
  view[7] = c2;
}
