import { assertSameSize, rgbOffsets } from "./assert-same-size";
import type { RawImage } from "./raw-image";
import { LUMA_WEIGHTS } from "./ssim";
import { SsimRows } from "./ssim-rows";

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

// SSIM buffers reused between calls of the same size (one per thread), so
// scoring many items allocates nothing per item.
let reused: SsimRows | null = null;

/**
 * L1, L2, PSNR and SSIM of `edited` against `reference` (same size; resize
 * the edited image with `resizeToMatch` first, bilinear, as the protocol
 * does). One sweep over the bytes: each row's error sums and luma moments
 * are gathered together and the row goes straight into the streaming SSIM
 * filter ({@link SsimRows}), so no full-size luma plane is ever written.
 */
export function computeEvalMetrics({ edited, reference }: { edited: RawImage; reference: RawImage }): EvalPixelMetrics {
  assertSameSize(edited, reference);
  const { width, height } = reference;
  if (!reused || reused.width !== width || reused.height !== height) reused = new SsimRows({ width, height });
  const rows = reused;
  rows.reset();
  const q = rows.moments;

  const a = edited.data;
  const b = reference.data;
  const ca = edited.channels;
  const cb = reference.channels;
  const [ar, ag, ab] = rgbOffsets(edited);
  const [br, bg, bb] = rgbOffsets(reference);
  const [wr, wg, wb] = LUMA_WEIGHTS;
  let sumAbs = 0;
  let sumSq = 0;
  for (let r = 0, ia = 0, ib = 0; r < height; r++) {
    for (let k = 0, end = width * 4; k < end; k += 4, ia += ca, ib += cb) {
      const r1 = a[ia + ar], g1 = a[ia + ag], b1 = a[ia + ab];
      const r2 = b[ib + br], g2 = b[ib + bg], b2 = b[ib + bb];
      const dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
      sumAbs += (dr < 0 ? -dr : dr) + (dg < 0 ? -dg : dg) + (db < 0 ? -db : db);
      sumSq += dr * dr + dg * dg + db * db;
      // rgb2gray rounded; (v + 0.5) | 0 is Math.round for these non-negative values, and cheaper.
      const x = ca === 1 ? r1 : (wr * r1 + wg * g1 + wb * b1 + 0.5) | 0;
      const y = cb === 1 ? r2 : (wr * r2 + wg * g2 + wb * b2 + 0.5) | 0;
      q[k] = x;
      q[k + 1] = y;
      q[k + 2] = x * x + y * y;
      q[k + 3] = x * y;
    }
    rows.push();
  }
  const samples = width * height * 3;
  const l1 = sumAbs / samples / 255;
  const l2 = sumSq / samples / (255 * 255);
  return { l1, l2, psnr: l2 === 0 ? Infinity : 10 * Math.log10(1 / l2), ssim: rows.mean() };
}
