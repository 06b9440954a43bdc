import "server-only";

import sharp from "sharp";

import type { RawImage } from "./raw-image";

/**
 * Resize raw pixels to exactly `width`×`height` with a bilinear (triangle)
 * filter, ignoring aspect ratio — the metric protocol resizes the edited image
 * to the reference's size this way before comparing. Like PIL's `BILINEAR`,
 * the filter widens when shrinking, so downsizing is antialiased. Returns the
 * input unchanged when it already has that size.
 */
export async function resizeToMatch({ image, width, height }: { image: RawImage; width: number; height: number }): Promise<RawImage> {
  if (image.width === width && image.height === height) return image;
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize({ width, height, fit: "fill", kernel: "linear" })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as RawImage["channels"] };
}
