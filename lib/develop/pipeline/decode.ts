import { SRGB_DECODE_LUT } from "../color/srgb";
import type { FloatImage } from "./types";

/** An 8-bit sRGB image as handed to the engine (alpha, when present, is carried through untouched). */
export type Image8 = { data: Uint8Array | Uint8ClampedArray; width: number; height: number; channels: 3 | 4 };

/** Throws a RangeError unless the image's size, channel count and buffer length agree. */
export function assertImage8(image: Image8): void {
  const { width, height, channels, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`image size must be positive integers, got ${width}×${height}`);
  }
  if (channels !== 3 && channels !== 4) throw new RangeError(`channels must be 3 or 4, got ${channels}`);
  if (data.length !== width * height * channels) {
    throw new RangeError(`image data has ${data.length} bytes, expected ${width * height * channels}`);
  }
}

/** 8-bit sRGB → linear-light float RGB through the 256-entry decode table. */
export function decodeSrgb8({ image, out }: { image: Image8; out?: Float32Array }): FloatImage {
  assertImage8(image);
  const n = image.width * image.height;
  const dst = out ?? new Float32Array(n * 3);
  if (dst.length !== n * 3) throw new RangeError(`out has ${dst.length} values, expected ${n * 3}`);
  const src = image.data;
  const step = image.channels;
  for (let p = 0, s = 0, d = 0; p < n; p++, s += step, d += 3) {
    dst[d] = SRGB_DECODE_LUT[src[s]];
    dst[d + 1] = SRGB_DECODE_LUT[src[s + 1]];
    dst[d + 2] = SRGB_DECODE_LUT[src[s + 2]];
  }
  return { data: dst, width: image.width, height: image.height };
}
