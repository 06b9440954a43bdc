import { assertSameSize, rgbOffsets } from "./assert-same-size";
import type { RawImage } from "./raw-image";
import { SsimRows, type SsimOptions } from "./ssim-rows";

export type { SsimOptions } from "./ssim-rows";

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
 * reference values the tests check. (`computeEvalMetrics` computes the same
 * value in its single sweep with L1/L2.)
 */
export function ssim({ edited, reference }: { edited: RawImage; reference: RawImage }, options: SsimOptions = {}): number {
  assertSameSize(edited, reference);
  const { width, height } = edited;
  const rows = new SsimRows({ width, height, ...options });
  const q = rows.moments;
  for (let r = 0; r < height; r++) {
    for (let i = 0; i < width; i++) {
      const x = lumaAt(edited, r * width + i);
      const y = lumaAt(reference, r * width + i);
      q[4 * i] = x;
      q[4 * i + 1] = y;
      q[4 * i + 2] = x * x + y * y;
      q[4 * i + 3] = x * y;
    }
    rows.push();
  }
  return rows.mean();
}

/** Rounded `rgb2gray` luma of pixel `p` (grey images pass through). */
function lumaAt(image: RawImage, p: number): number {
  const { data, channels } = image;
  if (channels === 1) return data[p];
  const [r, g, b] = rgbOffsets(image);
  const i = p * channels;
  return Math.round(LUMA_WEIGHTS[0] * data[i + r] + LUMA_WEIGHTS[1] * data[i + g] + LUMA_WEIGHTS[2] * data[i + b]);
}
