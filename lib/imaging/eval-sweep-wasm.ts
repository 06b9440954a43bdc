import type { EvalSweep } from "./eval-sweep";
import type { RawImage } from "./raw-image";
import { LUMA_WEIGHTS } from "./ssim";
import { KERNEL_CONSTANTS_BYTES, instantiateSsimKernel, writeKernelConstants, type SsimKernel } from "./ssim-kernel";
import { C1, C2, gaussianKernel } from "./ssim-rows";

const WINDOW = 11;
const PAGE = 65536;
// Keeps the kernel's memory small (the ring is 11 × 32 bytes a pixel of width) and its per-row
// i32 error sums far from overflow; wider images take the JS sweep.
const MAX_WIDTH = 65536;

/** Whether {@link sweepEvalWasm} takes this pair: 3- or 4-channel images the 11-px window fits in, up to 65,536 px wide. */
export function canSweepEvalWasm(edited: RawImage, reference: RawImage): boolean {
  const { width, height } = reference;
  return edited.channels !== 1 && reference.channels !== 1 && width >= WINDOW && height >= WINDOW && width <= MAX_WIDTH;
}

// One kernel instance per thread, its memory grown for the widest image seen.
let kernel: SsimKernel | null = null;
let laidOutWidth = 0;

/**
 * The eval sweep of {@link sweepEvalJs} on the WebAssembly kernel (11×11
 * window, 3/4 channels; see {@link canSweepEvalWasm}), with the same results
 * to the last bit. Per row: both images' bytes are copied into the kernel's
 * memory, `gather` writes the row's luma moments and adds its error sums,
 * `horizontal` filters it into the ring of 11 rows, and once the ring is full
 * `vertical` filters it vertically fused with SSIM. Memory: the two rows, one
 * row of moments and the ring, O(width), reused from item to item.
 */
export function sweepEvalWasm({ edited, reference }: { edited: RawImage; reference: RawImage }): EvalSweep {
  const { width, height } = reference;
  const k = layOut(width);
  const { kernel: kx } = k;
  const a = edited.data;
  const b = reference.data;
  const ca = edited.channels;
  const cb = reference.channels;
  const rowA = new Uint8Array(kx.memory.buffer, k.rowA, width * ca);
  const rowB = new Uint8Array(kx.memory.buffer, k.rowB, width * cb);
  const [wr, wg, wb] = LUMA_WEIGHTS;
  kx.sumAbs.value = 0;
  kx.sumSq.value = 0;
  let total = 0;
  for (let r = 0; r < height; r++) {
    rowA.set(a.subarray(r * width * ca, (r + 1) * width * ca));
    rowB.set(b.subarray(r * width * cb, (r + 1) * width * cb));
    kx.gather(k.rowA, ca, k.rowB, cb, width, k.moments, wr, wg, wb);
    kx.horizontal(k.moments, k.ring + (r % WINDOW) * k.stride, k.outWidth, k.constants);
    if (r >= WINDOW - 1) total = kx.vertical(k.ring, k.stride, (r - WINDOW + 1) % WINDOW, k.outWidth, k.constants, total);
  }
  return { sumAbs: kx.sumAbs.value, sumSq: kx.sumSq.value, ssim: total / (k.outWidth * (height - WINDOW + 1)) };
}

type Layout = {
  kernel: SsimKernel;
  constants: number;
  rowA: number;
  rowB: number;
  moments: number;
  ring: number;
  stride: number;
  outWidth: number;
};

/** Byte offsets in the kernel's memory for rows `width` wide (growing it when needed). */
function layOut(width: number): Layout {
  kernel ??= instantiateSsimKernel();
  const outWidth = width - WINDOW + 1;
  const constants = 0;
  const rowBytes = align16(width * 4 + 1); // 4 channels at most, + the padding byte gather reads
  const rowA = KERNEL_CONSTANTS_BYTES;
  const rowB = rowA + rowBytes;
  const moments = rowB + rowBytes;
  const stride = (outWidth + (outWidth & 1)) * 32; // even, for vertical's pairs
  const ring = moments + width * 32;
  if (width > laidOutWidth) {
    const bytes = ring + WINDOW * stride;
    const have = kernel.memory.buffer.byteLength;
    if (bytes > have) kernel.memory.grow(Math.ceil((bytes - have) / PAGE));
    writeKernelConstants(kernel.memory, constants, gaussianKernel(WINDOW, 1.5), C1, C2);
    laidOutWidth = width;
  }
  return { kernel, constants, rowA, rowB, moments, ring, stride, outWidth };
}

const align16 = (n: number) => (n + 15) & ~15;
