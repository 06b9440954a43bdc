import { assertSameSize } from "./assert-same-size";
import { sweepEvalJs } from "./eval-sweep-js";
import { canSweepEvalWasm, sweepEvalWasm } from "./eval-sweep-wasm";
import type { RawImage } from "./raw-image";

/** The evaluation protocol's pixel metrics (DEVELOP-PARAMS.md §4). */
export type EvalPixelMetrics = {
  /** Mean |Δ| over R, G, B on [0, 1] (JarvisArt L1). */
  l1: number;
  /** Mean Δ² over R, G, B on [0, 1] — MSE, not RMSE (JarvisArt L2). */
  l2: number;
  /** 10·log10(1 / L2) dB on 8-bit sRGB; `Infinity` when identical. */
  psnr: number;
  /** Mean SSIM of 8-bit luma, 11×11 Gaussian σ 1.5, K1 0.01, K2 0.03 (see {@link ssim}). */
  ssim: number;
};

/**
 * L1, L2, PSNR and SSIM of `edited` against `reference` (same size; resize
 * the edited image with `resizeToMatch` first, bilinear, as the protocol
 * does). One sweep over the bytes: each row's error sums and luma moments
 * are gathered together and go straight into the streaming SSIM filter, so no
 * full-size luma plane is ever written. RGB(A) pairs the 11-px window fits run
 * on the WebAssembly SIMD kernel ({@link sweepEvalWasm}), anything else on
 * the plain JS sweep ({@link sweepEvalJs}); both give the same bits.
 */
export function computeEvalMetrics({ edited, reference }: { edited: RawImage; reference: RawImage }): EvalPixelMetrics {
  assertSameSize(edited, reference);
  const sweep = canSweepEvalWasm(edited, reference) ? sweepEvalWasm : sweepEvalJs;
  const { sumAbs, sumSq, ssim } = sweep({ edited, reference });
  const samples = reference.width * reference.height * 3;
  const l1 = sumAbs / samples / 255;
  const l2 = sumSq / samples / (255 * 255);
  return { l1, l2, psnr: l2 === 0 ? Infinity : 10 * Math.log10(1 / l2), ssim };
}
