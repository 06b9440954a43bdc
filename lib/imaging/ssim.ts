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

/**
 * Mean SSIM (Wang, Bovik, Sheikh & Simoncelli 2004) of the 8-bit luma of two
 * same-size images: Rec. 601 luma (as MATLAB `rgb2gray`), 11×11 Gaussian
 * window with σ = 1.5, K1 = 0.01, K2 = 0.03, L = 255, averaged over the
 * windows that fit inside the image ("valid" region, as the reference
 * `ssim_index.m`; no automatic downsampling). Images smaller than the window
 * use the largest odd window that fits. 1 means identical.
 */
export function ssim({ edited, reference }: { edited: RawImage; reference: RawImage }, options: SsimOptions = {}): number {
  assertSameSize(edited, reference);
  const { width, height } = edited;
  let win = Math.min(options.windowSize ?? 11, width, height);
  if (win % 2 === 0) win -= 1;
  if (win < 1) throw new RangeError("SSIM needs a non-empty image");
  const kernel = gaussianKernel(win, options.sigma ?? 1.5);

  const x = luma(edited);
  const y = luma(reference);
  const outW = width - win + 1;
  const outH = height - win + 1;

  // Horizontal pass results for the last `win` rows, kept in a ring, so
  // memory stays O(width · window) even for large images.
  const ring = Array.from({ length: win }, () => ({
    mx: new Float64Array(outW),
    my: new Float64Array(outW),
    xx: new Float64Array(outW),
    yy: new Float64Array(outW),
    xy: new Float64Array(outW),
  }));

  let total = 0;
  for (let row = 0; row < height; row++) {
    const slot = ring[row % win];
    const base = row * width;
    for (let ox = 0; ox < outW; ox++) {
      let mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
      for (let k = 0; k < win; k++) {
        const w = kernel[k];
        const xv = x[base + ox + k];
        const yv = y[base + ox + k];
        mx += w * xv;
        my += w * yv;
        xx += w * xv * xv;
        yy += w * yv * yv;
        xy += w * xv * yv;
      }
      slot.mx[ox] = mx;
      slot.my[ox] = my;
      slot.xx[ox] = xx;
      slot.yy[ox] = yy;
      slot.xy[ox] = xy;
    }
    if (row < win - 1) continue;

    const first = row - win + 1;
    for (let ox = 0; ox < outW; ox++) {
      let mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
      for (let k = 0; k < win; k++) {
        const s = ring[(first + k) % win];
        const w = kernel[k];
        mx += w * s.mx[ox];
        my += w * s.my[ox];
        xx += w * s.xx[ox];
        yy += w * s.yy[ox];
        xy += w * s.xy[ox];
      }
      const vx = xx - mx * mx;
      const vy = yy - my * my;
      const cov = xy - mx * my;
      total += ((2 * mx * my + C1) * (2 * cov + C2)) / ((mx * mx + my * my + C1) * (vx + vy + C2));
    }
  }
  return total / (outW * outH);
}

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

/** Rec. 601 luma in 0–255 (not rounded). */
function luma(image: RawImage): Float64Array {
  const { data, channels } = image;
  const [r, g, b] = rgbOffsets(image);
  const out = new Float64Array(image.width * image.height);
  for (let p = 0, i = 0; p < out.length; p++, i += channels) {
    out[p] = 0.299 * data[i + r] + 0.587 * data[i + g] + 0.114 * data[i + b];
  }
  return out;
}
