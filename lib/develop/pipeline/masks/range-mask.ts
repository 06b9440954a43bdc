import { LUMA_B, LUMA_G, LUMA_R } from "../../color/luma";
import { linearToSrgb } from "../../color/srgb";
import type { FloatImage } from "../types";
import { smoothstep } from "../types";

/** Luminance range: weight ramps 0→1 over lo..loFull, 1 over loFull..hiFull, 1→0 over hiFull..hi (display 0–1). */
export type LuminanceRange = readonly [lo: number, loFull: number, hiFull: number, hi: number];

/** Weight map selecting pixels of a linear image by display luminance (sRGB-encoded Y). */
export function luminanceRangeMask({ image, range, out }: { image: FloatImage; range: LuminanceRange; out?: Float32Array }): Float32Array {
  const [lo, loFull, hiFull, hi] = range;
  if (!(lo <= loFull && loFull <= hiFull && hiFull <= hi)) throw new RangeError(`luminance range must be ordered, got ${range.join(", ")}`);
  const n = image.width * image.height;
  const dst = out ?? new Float32Array(n);
  const d = image.data;
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    const L = linearToSrgb(LUMA_R * d[i] + LUMA_G * d[i + 1] + LUMA_B * d[i + 2]);
    const up = loFull > lo ? smoothstep(lo, loFull, L) : L >= lo ? 1 : 0;
    const down = hi > hiFull ? 1 - smoothstep(hiFull, hi, L) : L <= hi ? 1 : 0;
    dst[p] = Math.min(up, down);
  }
  return dst;
}

/**
 * Weight map selecting pixels near sampled colours: for each sample colour (display sRGB 0–1),
 * weight = 1 − smoothstep(tol, 2·tol, Euclidean distance in display RGB), tol = 0.05 + 0.25·amount;
 * the mask is the maximum over samples. Our own formulation (Lightroom's is not public).
 */
export function colorRangeMask({
  image,
  samples,
  amount = 0.5,
  out,
}: {
  image: FloatImage;
  samples: ReadonlyArray<readonly [number, number, number]>;
  amount?: number;
  out?: Float32Array;
}): Float32Array {
  if (!(amount >= 0 && amount <= 1)) throw new RangeError(`amount must be in [0, 1], got ${amount}`);
  const n = image.width * image.height;
  const dst = out ?? new Float32Array(n);
  const tol = 0.05 + 0.25 * amount;
  const d = image.data;
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    const r = linearToSrgb(d[i]);
    const g = linearToSrgb(d[i + 1]);
    const b = linearToSrgb(d[i + 2]);
    let best = 0;
    for (const [sr, sg, sb] of samples) {
      const dist = Math.sqrt((r - sr) ** 2 + (g - sg) ** 2 + (b - sb) ** 2);
      best = Math.max(best, 1 - smoothstep(tol, 2 * tol, dist));
    }
    dst[p] = best;
  }
  return dst;
}
