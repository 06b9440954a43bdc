import { assertSameSize, rgbOffsets } from "./assert-same-size";
import type { RawImage } from "./raw-image";

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
const C1 = (K1 * L) ** 2;
const C2 = (K2 * L) ** 2;

/** MATLAB `rgb2gray` weights (the exact inverse-NTSC row), not the rounded 0.299/0.587/0.114. */
export const LUMA_WEIGHTS = [0.298936021293775, 0.587043074451121, 0.114020904255103] as const;

/**
 * Mean SSIM (Wang, Bovik, Sheikh & Simoncelli 2004) of the 8-bit luma of two
 * same-size images, following the reference `ssim_index.m`:
 * - luma is `rgb2gray`: Rec. 601 weights ({@link LUMA_WEIGHTS}) rounded to an
 *   integer 0–255, as MATLAB does for uint8 images (grey images pass through);
 * - 11×11 Gaussian window, σ = 1.5 (`fspecial('gaussian', 11, 1.5)`),
 *   K1 = 0.01, K2 = 0.03, L = 255;
 * - the mean is over the windows that fit inside the image ("valid"), with no
 *   automatic downsampling (unlike the later `ssim.m`).
 * Images smaller than the window use the largest odd window that fits.
 * 1 means identical. `scripts/fixtures/ssim_reference.py` reproduces the
 * reference values the tests check.
 */
export function ssim({ edited, reference }: { edited: RawImage; reference: RawImage }, options: SsimOptions = {}): number {
  assertSameSize(edited, reference);
  const n = edited.width * edited.height;
  const x = lumaPlane(edited, new Float32Array(n));
  const y = lumaPlane(reference, new Float32Array(n));
  return ssimOfLuma({ x, y, width: edited.width, height: edited.height }, options);
}

/** Rounded `rgb2gray` luma of `image` into `out` (length = pixels). */
export function lumaPlane(image: RawImage, out: Float32Array): Float32Array {
  const { data, channels } = image;
  const n = image.width * image.height;
  if (channels === 1) {
    for (let p = 0; p < n; p++) out[p] = data[p];
    return out;
  }
  const [r, g, b] = rgbOffsets(image);
  const [wr, wg, wb] = LUMA_WEIGHTS;
  for (let p = 0, i = 0; p < n; p++, i += channels) out[p] = Math.round(wr * data[i + r] + wg * data[i + g] + wb * data[i + b]);
  return out;
}

/**
 * Mean SSIM of two luma planes (values 0–255). The Gaussian is separable:
 * each row is filtered horizontally once into a ring of `window` rows holding
 * four moment rows (μx, μy, E[x²+y²], E[xy] — only σx² + σy² enters the
 * formula), and each output row sums the ring vertically. O(pixels · window)
 * work, O(width · window) memory. Luma planes are Float32 (integers, exact);
 * the moment rows are Float64, because E[x²] − μ² cancels badly in Float32.
 */
export function ssimOfLuma(
  { x, y, width, height }: { x: Float32Array; y: Float32Array; width: number; height: number },
  options: SsimOptions = {},
): number {
  let win = Math.min(options.windowSize ?? 11, width, height);
  if (win % 2 === 0) win -= 1;
  if (win < 1) throw new RangeError("SSIM needs a non-empty image");
  const half = (win - 1) / 2;
  const w = gaussianKernel(win, options.sigma ?? 1.5);
  const outW = width - win + 1;
  const outH = height - win + 1;
  const row = (n: number) => Array.from({ length: n }, () => new Float64Array(outW));
  const ring = [row(win), row(win), row(win), row(win)];
  const acc = row(4);
  const sq = new Float64Array(width);
  const pr = new Float64Array(width);

  let total = 0;
  for (let r = 0; r < height; r++) {
    const slot = r % win;
    const base = r * width;
    for (let i = 0; i < width; i++) {
      const xv = x[base + i];
      const yv = y[base + i];
      sq[i] = xv * xv + yv * yv;
      pr[i] = xv * yv;
    }
    const xr = x.subarray(base, base + width);
    const yr = y.subarray(base, base + width);
    const filter = win === 11 ? filter11 : filterAny;
    filter(xr, ring[0][slot], w);
    filter(yr, ring[1][slot], w);
    filter(sq, ring[2][slot], w);
    filter(pr, ring[3][slot], w);
    if (r < win - 1) continue;

    // Rows of the ring in window order (oldest first).
    const first = r - win + 1;
    for (let m = 0; m < 4; m++) {
      const rows = Array.from({ length: win }, (_, k) => ring[m][(first + k) % win]);
      if (win === 11) vertical11(rows, acc[m], w);
      else verticalAny(rows, acc[m], w, half);
    }
    const [aMx, aMy, aSq, aPr] = acc;
    for (let i = 0; i < outW; i++) {
      const mx = aMx[i];
      const my = aMy[i];
      const mxy = mx * my;
      const m2 = mx * mx + my * my;
      total += ((2 * mxy + C1) * (2 * (aPr[i] - mxy) + C2)) / ((m2 + C1) * (aSq[i] - m2 + C2));
    }
  }
  return total / (outW * outH);
}

/** Valid-mode horizontal 11-tap symmetric filter, unrolled (the hot path). */
function filter11(src: Float32Array | Float64Array, out: Float64Array, w: Float64Array): void {
  const w0 = w[5], w1 = w[6], w2 = w[7], w3 = w[8], w4 = w[9], w5 = w[10];
  for (let o = 0, c = 5; o < out.length; o++, c++) {
    out[o] =
      w0 * src[c] +
      w1 * (src[c - 1] + src[c + 1]) +
      w2 * (src[c - 2] + src[c + 2]) +
      w3 * (src[c - 3] + src[c + 3]) +
      w4 * (src[c - 4] + src[c + 4]) +
      w5 * (src[c - 5] + src[c + 5]);
  }
}

function filterAny(src: Float32Array | Float64Array, out: Float64Array, w: Float64Array): void {
  const win = w.length;
  for (let o = 0; o < out.length; o++) {
    let s = 0;
    for (let k = 0; k < win; k++) s += w[k] * src[o + k];
    out[o] = s;
  }
}

/** Vertical 11-tap symmetric sum of ring rows `r` (oldest first) into `out`. */
function vertical11(r: Float64Array[], out: Float64Array, w: Float64Array): void {
  const [a5, a4, a3, a2, a1, c, b1, b2, b3, b4, b5] = r;
  const w0 = w[5], w1 = w[6], w2 = w[7], w3 = w[8], w4 = w[9], w5 = w[10];
  for (let i = 0; i < out.length; i++) {
    out[i] =
      w0 * c[i] + w1 * (a1[i] + b1[i]) + w2 * (a2[i] + b2[i]) + w3 * (a3[i] + b3[i]) + w4 * (a4[i] + b4[i]) + w5 * (a5[i] + b5[i]);
  }
}

function verticalAny(r: Float64Array[], out: Float64Array, w: Float64Array, half: number): void {
  for (let i = 0; i < out.length; i++) out[i] = w[half] * r[half][i];
  for (let k = 0; k < w.length; k++) {
    if (k === half) continue;
    const row = r[k];
    const wk = w[k];
    for (let i = 0; i < out.length; i++) out[i] += wk * row[i];
  }
}

/** Normalised 1-D Gaussian; its outer product is MATLAB's `fspecial('gaussian', size, sigma)`. */
function gaussianKernel(size: number, sigma: number): Float64Array {
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
