import type { RawImage } from "./raw-image";

/** Throw unless two images have the same width and height (channels may differ). */
export function assertSameSize(a: RawImage, b: RawImage): void {
  if (a.width === b.width && a.height === b.height) return;
  throw new RangeError(`Images differ in size: ${a.width}×${a.height} vs ${b.width}×${b.height}; resize one with resizeToMatch() first`);
}

/** Byte offsets of R, G, B within a pixel: grey images read one band three times. */
export function rgbOffsets(image: RawImage): [number, number, number] {
  return image.channels === 1 ? [0, 0, 0] : [0, 1, 2];
}
