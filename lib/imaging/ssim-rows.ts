/** Options for {@link ssim}. */
export type SsimOptions = {
  /** Gaussian window size (odd). @default 11 */
  windowSize?: number;
  /** Gaussian σ. @default 1.5 */
  sigma?: number;
};

const K1 = 0.01;
const K2 = 0.03;
const L = 255;
/** SSIM's stabilising constants (K1·L)² and (K2·L)², shared with the WebAssembly kernel. */
export const C1 = (K1 * L) ** 2;
export const C2 = (K2 * L) ** 2;

/**
 * Streaming mean SSIM of two luma images fed one row at a time (the core of
 * `ssim_index.m`, see {@link ssim}). The caller writes each row's moments into
 * {@link SsimRows.moments} — four numbers per pixel: x, y, x² + y², x·y (only
 * σx² + σy² enters the formula) — and calls {@link SsimRows.push}. The
 * Gaussian is separable: each pushed row is filtered horizontally once into a
 * ring of `window` rows; once the ring is full, each push filters it
 * vertically and adds that output row's SSIM values to the running total.
 * O(pixels · window) work, O(width · window) memory, nothing allocated per
 * row. Moments are Float64 because E[x²] − μ² cancels badly in Float32; the
 * arithmetic and its order are those of the earlier two-pass version, so the
 * result is the same to the last bit.
 *
 * This is the plain-JS reference. `computeEvalMetrics` runs the same 11-tap
 * filter, in the same order, on a WebAssembly SIMD kernel (ssim-kernel.wat,
 * see `sweepEvalWasm`), which the tests hold to this class's result bit for bit.
 */
export class SsimRows {
  readonly width: number;
  readonly height: number;
  /** Window actually used: the largest odd size ≤ the requested one that fits. */
  readonly window: number;
  /** The row being written: [x, y, x² + y², x·y] per pixel. */
  readonly moments: Float64Array;
  private readonly outWidth: number;
  private readonly kernel: Float64Array;
  // `window` horizontally filtered rows × outWidth × 4 moments, interleaved.
  private readonly ring: Float64Array;
  // Offsets of the ring's rows in window order, oldest first (rewritten per output row).
  private readonly rowOffsets: Int32Array;
  private row = 0;
  private total = 0;

  constructor({ width, height, windowSize = 11, sigma = 1.5 }: { width: number; height: number } & SsimOptions) {
    let win = Math.min(windowSize, width, height);
    if (win % 2 === 0) win -= 1;
    if (win < 1) throw new RangeError("SSIM needs a non-empty image");
    this.width = width;
    this.height = height;
    this.window = win;
    this.outWidth = width - win + 1;
    this.kernel = gaussianKernel(win, sigma);
    this.moments = new Float64Array(width * 4);
    this.ring = new Float64Array(win * this.outWidth * 4);
    this.rowOffsets = new Int32Array(win);
  }

  /** Start a new image of the same size (reuses every buffer). */
  reset(): void {
    this.row = 0;
    this.total = 0;
  }

  /** Take the row now in {@link moments}. */
  push(): void {
    if (this.row >= this.height) throw new RangeError(`SSIM was given more than ${this.height} rows`);
    const { window: win, outWidth, kernel, ring, moments } = this;
    const stride = outWidth * 4;
    const slot = (this.row % win) * stride;
    if (win === 11) horizontal11(moments, ring, slot, outWidth, kernel);
    else horizontalAny(moments, ring, slot, outWidth, kernel);
    this.row++;
    if (this.row < win) return;
    const first = this.row - win;
    const rows = this.rowOffsets;
    for (let k = 0; k < win; k++) rows[k] = ((first + k) % win) * stride;
    this.total =
      win === 11 ? verticalSsim11(ring, rows, stride, kernel, this.total) : verticalSsimAny(ring, rows, stride, kernel, this.total);
  }

  /** Mean SSIM over the valid windows; call after the last row. */
  mean(): number {
    if (this.row !== this.height) throw new RangeError(`SSIM was given ${this.row} of ${this.height} rows`);
    return this.total / (this.outWidth * (this.height - this.window + 1));
  }
}

/** Valid-mode horizontal 11-tap symmetric filter of the 4 interleaved moments, unrolled (the hot path). */
function horizontal11(q: Float64Array, ring: Float64Array, base: number, outWidth: number, w: Float64Array): void {
  const w0 = w[5],
    w1 = w[6],
    w2 = w[7],
    w3 = w[8],
    w4 = w[9],
    w5 = w[10];
  for (let o = 0, c = 20, d = base; o < outWidth; o++, c += 4, d += 4) {
    ring[d] =
      w0 * q[c] +
      w1 * (q[c - 4] + q[c + 4]) +
      w2 * (q[c - 8] + q[c + 8]) +
      w3 * (q[c - 12] + q[c + 12]) +
      w4 * (q[c - 16] + q[c + 16]) +
      w5 * (q[c - 20] + q[c + 20]);
    ring[d + 1] =
      w0 * q[c + 1] +
      w1 * (q[c - 3] + q[c + 5]) +
      w2 * (q[c - 7] + q[c + 9]) +
      w3 * (q[c - 11] + q[c + 13]) +
      w4 * (q[c - 15] + q[c + 17]) +
      w5 * (q[c - 19] + q[c + 21]);
    ring[d + 2] =
      w0 * q[c + 2] +
      w1 * (q[c - 2] + q[c + 6]) +
      w2 * (q[c - 6] + q[c + 10]) +
      w3 * (q[c - 10] + q[c + 14]) +
      w4 * (q[c - 14] + q[c + 18]) +
      w5 * (q[c - 18] + q[c + 22]);
    ring[d + 3] =
      w0 * q[c + 3] +
      w1 * (q[c - 1] + q[c + 7]) +
      w2 * (q[c - 5] + q[c + 11]) +
      w3 * (q[c - 9] + q[c + 15]) +
      w4 * (q[c - 13] + q[c + 19]) +
      w5 * (q[c - 17] + q[c + 23]);
  }
}

function horizontalAny(q: Float64Array, ring: Float64Array, base: number, outWidth: number, w: Float64Array): void {
  const win = w.length;
  for (let o = 0; o < outWidth; o++) {
    for (let m = 0; m < 4; m++) {
      let s = 0;
      for (let k = 0; k < win; k++) s += w[k] * q[(o + k) * 4 + m];
      ring[base + o * 4 + m] = s;
    }
  }
}

/** SSIM of one output pixel from its four filtered moments. */
function ssimAt(mx: number, my: number, sq: number, pr: number): number {
  const mxy = mx * my;
  const m2 = mx * mx + my * my;
  return ((2 * mxy + C1) * (2 * (pr - mxy) + C2)) / ((m2 + C1) * (sq - m2 + C2));
}

/** Vertical 11-tap symmetric sum of the ring rows at `rows` (oldest first), fused with the SSIM formula. */
function verticalSsim11(ring: Float64Array, rows: Int32Array, stride: number, w: Float64Array, total: number): number {
  const a5 = rows[0],
    a4 = rows[1],
    a3 = rows[2],
    a2 = rows[3],
    a1 = rows[4],
    c = rows[5];
  const b1 = rows[6],
    b2 = rows[7],
    b3 = rows[8],
    b4 = rows[9],
    b5 = rows[10];
  const w0 = w[5],
    w1 = w[6],
    w2 = w[7],
    w3 = w[8],
    w4 = w[9],
    w5 = w[10];
  for (let j = 0; j < stride; j += 4) {
    const k0 = j,
      k1 = j + 1,
      k2 = j + 2,
      k3 = j + 3;
    const mx =
      w0 * ring[c + k0] +
      w1 * (ring[a1 + k0] + ring[b1 + k0]) +
      w2 * (ring[a2 + k0] + ring[b2 + k0]) +
      w3 * (ring[a3 + k0] + ring[b3 + k0]) +
      w4 * (ring[a4 + k0] + ring[b4 + k0]) +
      w5 * (ring[a5 + k0] + ring[b5 + k0]);
    const my =
      w0 * ring[c + k1] +
      w1 * (ring[a1 + k1] + ring[b1 + k1]) +
      w2 * (ring[a2 + k1] + ring[b2 + k1]) +
      w3 * (ring[a3 + k1] + ring[b3 + k1]) +
      w4 * (ring[a4 + k1] + ring[b4 + k1]) +
      w5 * (ring[a5 + k1] + ring[b5 + k1]);
    const sq =
      w0 * ring[c + k2] +
      w1 * (ring[a1 + k2] + ring[b1 + k2]) +
      w2 * (ring[a2 + k2] + ring[b2 + k2]) +
      w3 * (ring[a3 + k2] + ring[b3 + k2]) +
      w4 * (ring[a4 + k2] + ring[b4 + k2]) +
      w5 * (ring[a5 + k2] + ring[b5 + k2]);
    const pr =
      w0 * ring[c + k3] +
      w1 * (ring[a1 + k3] + ring[b1 + k3]) +
      w2 * (ring[a2 + k3] + ring[b2 + k3]) +
      w3 * (ring[a3 + k3] + ring[b3 + k3]) +
      w4 * (ring[a4 + k3] + ring[b4 + k3]) +
      w5 * (ring[a5 + k3] + ring[b5 + k3]);
    total += ssimAt(mx, my, sq, pr);
  }
  return total;
}

function verticalSsimAny(ring: Float64Array, rows: Int32Array, stride: number, w: Float64Array, total: number): number {
  const half = (w.length - 1) / 2;
  const acc = [0, 0, 0, 0];
  for (let j = 0; j < stride; j += 4) {
    for (let m = 0; m < 4; m++) {
      let s = w[half] * ring[rows[half] + j + m];
      for (let k = 0; k < w.length; k++) if (k !== half) s += w[k] * ring[rows[k] + j + m];
      acc[m] = s;
    }
    total += ssimAt(acc[0], acc[1], acc[2], acc[3]);
  }
  return total;
}

/** Normalised 1-D Gaussian; its outer product is MATLAB's `fspecial('gaussian', size, sigma)`. */
export function gaussianKernel(size: number, sigma: number): Float64Array {
  const kernel = new Float64Array(size);
  const half = (size - 1) / 2;
  let sum = 0;
  for (let i = 0; i < size; i++) {
    kernel[i] = Math.exp(-((i - half) ** 2) / (2 * sigma * sigma));
    sum += kernel[i];
  }
  for (let i = 0; i < size; i++) kernel[i] /= sum;
  return kernel;
}
