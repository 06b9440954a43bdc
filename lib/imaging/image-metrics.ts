import { meanDeltaE76 } from "./delta-e";
import { pixelErrors } from "./pixel-errors";
import type { RawImage } from "./raw-image";
import { ssim } from "./ssim";

/** Full-reference quality of an edit against a ground-truth image. */
export type ImageMetrics = {
  /** Mean absolute error on [0, 1]; lower is better. */
  l1: number;
  /** Mean squared error on [0, 1]; lower is better. */
  l2: number;
  /** dB, `Infinity` when identical; higher is better. */
  psnr: number;
  /** Mean SSIM of luma, ≤ 1; higher is better. */
  ssim: number;
  /** Mean CIE76 ΔE*ab; lower is better. */
  deltaE: number;
};

/**
 * All metrics of `edited` against `reference` (same-size 8-bit sRGB; use
 * {@link resizeToMatch} on `edited` first when sizes differ, as JarvisArt does).
 */
export function computeImageMetrics({ edited, reference }: { edited: RawImage; reference: RawImage }): ImageMetrics {
  const { l1, l2, psnr } = pixelErrors({ edited, reference });
  return { l1, l2, psnr, ssim: ssim({ edited, reference }), deltaE: meanDeltaE76({ edited, reference }) };
}
