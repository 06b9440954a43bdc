import "server-only";

import sharp from "sharp";

import type { RawImage } from "./raw-image";

/** Output formats for {@link encodeImage}. */
export type EncodeFormat = "jpeg" | "png" | "webp";

/** Options for {@link encodeImage}. */
export type EncodeImageOptions = {
  format: EncodeFormat;
  /** JPEG/WebP quality 1–100. @default 90 for JPEG, 82 for WebP (ignored for PNG) */
  quality?: number;
};

const DEFAULT_QUALITY: Record<EncodeFormat, number> = { jpeg: 90, png: 100, webp: 82 };

/** MIME type of each output format. */
export const CONTENT_TYPES: Record<EncodeFormat, string> = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

/**
 * Encode 8-bit sRGB pixels. The output carries no metadata (no EXIF, no ICC):
 * pixels are already sRGB, which is what every viewer assumes without a profile.
 * JPEG has no alpha, so RGBA is flattened onto white for it.
 */
export async function encodeImage(image: RawImage, { format, quality }: EncodeImageOptions): Promise<Buffer> {
  const { data, width, height, channels } = image;
  if (data.byteLength !== width * height * channels) {
    throw new RangeError(`Raw image is ${data.byteLength} bytes, expected ${width}×${height}×${channels}`);
  }
  const q = quality ?? DEFAULT_QUALITY[format];
  const pipeline = sharp(data, { raw: { width, height, channels } });
  if (format === "jpeg") return pipeline.flatten({ background: "#ffffff" }).jpeg({ quality: q }).toBuffer();
  if (format === "webp") return pipeline.webp({ quality: q }).toBuffer();
  return pipeline.png().toBuffer();
}
