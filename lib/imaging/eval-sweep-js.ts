import { rgbOffsets } from "./assert-same-size";
import type { EvalSweep } from "./eval-sweep";
import type { RawImage } from "./raw-image";
import { LUMA_WEIGHTS } from "./ssim";
import { SsimRows } from "./ssim-rows";

// SSIM buffers reused between calls of the same size (one per thread), so
// scoring many items allocates nothing per item.
let reused: SsimRows | null = null;

/**
 * The eval sweep in plain JS (any window, grey images): each row's error sums
 * and luma moments are gathered together and the row goes straight into the
 * streaming SSIM filter ({@link SsimRows}), so no full-size luma plane is
 * ever written. The reference the WebAssembly sweep is tested against.
 * `edited` and `reference` must be the same size.
 */
export function sweepEvalJs({ edited, reference }: { edited: RawImage; reference: RawImage }): EvalSweep {
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
      const r1 = a[ia + ar],
        g1 = a[ia + ag],
        b1 = a[ia + ab];
      const r2 = b[ib + br],
        g2 = b[ib + bg],
        b2 = b[ib + bb];
      const dr = r1 - r2,
        dg = g1 - g2,
        db = b1 - b2;
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
  return { sumAbs, sumSq, ssim: rows.mean() };
}
