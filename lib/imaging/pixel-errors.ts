import { assertSameSize, rgbOffsets } from "./assert-same-size";
import type { RawImage } from "./raw-image";

/** Per-pixel error measures of one image against another, on [0, 1] values. */
export type PixelErrors = {
  /** Mean absolute difference over R, G, B. */
  l1: number;
  /** Mean squared difference over R, G, B (JarvisArt's "L2"). */
  l2: number;
  /** 10·log10(1 / l2) in dB; `Infinity` for identical images. */
  psnr: number;
};

/**
 * L1, L2 (MSE) and PSNR of `edited` against `reference`, both same-size 8-bit
 * sRGB, values scaled to [0, 1] as in JarvisArt's evaluation. Alpha is ignored.
 */
export function pixelErrors({ edited, reference }: { edited: RawImage; reference: RawImage }): PixelErrors {
  assertSameSize(edited, reference);
  const a = edited.data;
  const b = reference.data;
  const ca = edited.channels;
  const cb = reference.channels;
  const oa = rgbOffsets(edited);
  const ob = rgbOffsets(reference);
  const pixels = edited.width * edited.height;

  let sumAbs = 0;
  let sumSq = 0;
  for (let p = 0; p < pixels; p++) {
    const ia = p * ca;
    const ib = p * cb;
    for (let c = 0; c < 3; c++) {
      const d = a[ia + oa[c]] - b[ib + ob[c]];
      sumAbs += d < 0 ? -d : d;
      sumSq += d * d;
    }
  }
  const samples = pixels * 3;
  const l1 = sumAbs / samples / 255;
  const l2 = sumSq / samples / (255 * 255);
  return { l1, l2, psnr: l2 === 0 ? Infinity : 10 * Math.log10(1 / l2) };
}
