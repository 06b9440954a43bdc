import { assertRange, outputFor, type FloatImage } from "./types";

/** Global exposure. */
export type ExposureOptions = {
  /** Exposure in EV (stops), −5 … +5 in Lightroom; ±10 accepted. @default 0 */
  ev?: number;
};

/**
 * Multiplies linear light by 2^EV — a camera-exposure change, as darktable's exposure module
 * (basicadj.c) does with a zero black level. +1 EV doubles every linear value.
 */
export function applyExposure({ image, out, ev = 0 }: { image: FloatImage; out?: Float32Array } & ExposureOptions): FloatImage {
  assertRange("ev", ev, -10, 10);
  const dst = outputFor(image, out);
  const gain = Math.pow(2, ev);
  const src = image.data;
  for (let i = 0; i < src.length; i++) dst[i] = src[i] * gain;
  return { data: dst, width: image.width, height: image.height };
}
