import "server-only";

import sharp from "sharp";

import { sha256Hex } from "./content-hash";
import { decodeImage } from "./decode-image";
import type { SupportedImageFormat } from "./detect-image-format";

/** Long edge of the preview derivative, in pixels. */
export const PREVIEW_MAX_EDGE = 1600;
/** Long edge of the thumbnail derivative, in pixels. */
export const THUMBNAIL_MAX_EDGE = 320;

/** One encoded derivative, ready to `put` into the blob store. */
export type Derivative = {
  bytes: Buffer;
  width: number;
  height: number;
  format: "webp";
  contentType: "image/webp";
  sha256: string;
};

/** What {@link makeDerivatives} returns. */
export type Derivatives = {
  /** The uploaded bytes, unchanged; width/height are display-oriented. */
  original: { bytes: Uint8Array; width: number; height: number; format: SupportedImageFormat; sha256: string };
  /** WebP, long edge ≤ 1600 (never upscaled), sRGB, EXIF rotation applied. */
  preview: Derivative;
  /** WebP, long edge ≤ 320. */
  thumbnail: Derivative;
};

/** Options for {@link makeDerivatives}. */
export type MakeDerivativesOptions = {
  /** @default MAX_IMAGE_PIXELS env, else 100 MP */
  maxPixels?: number;
};

/**
 * Make the preview and thumbnail of an uploaded image with a single decode:
 * the file is decoded once at preview size (shrink-on-load), and the
 * thumbnail is resized from those pixels. Throws an {@link ImageError} for
 * unusable input.
 */
export async function makeDerivatives(bytes: Uint8Array, { maxPixels }: MakeDerivativesOptions = {}): Promise<Derivatives> {
  const decoded = await decodeImage(bytes, { maxPixels, maxEdge: PREVIEW_MAX_EDGE, keepAlpha: true });
  const raw = { raw: { width: decoded.width, height: decoded.height, channels: decoded.channels } };

  const [preview, thumbnail] = await Promise.all([
    encodeWebp(sharp(decoded.data, raw), 82),
    encodeWebp(
      sharp(decoded.data, raw).resize({ width: THUMBNAIL_MAX_EDGE, height: THUMBNAIL_MAX_EDGE, fit: "inside", withoutEnlargement: true }),
      75,
    ),
  ]);

  return {
    original: {
      bytes,
      width: decoded.source.width,
      height: decoded.source.height,
      format: decoded.source.format,
      sha256: sha256Hex(bytes),
    },
    preview,
    thumbnail,
  };
}

async function encodeWebp(pipeline: sharp.Sharp, quality: number): Promise<Derivative> {
  const { data, info } = await pipeline.webp({ quality }).toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height, format: "webp", contentType: "image/webp", sha256: sha256Hex(data) };
}
