import "server-only";

import sharp from "sharp";

import { imageErrorFromSharp } from "./image-error-from-sharp";
import { getMaxInputPixels } from "./max-input-pixels";
import { probeImage, type ImageInfo } from "./probe-image";
import type { RawImage } from "./raw-image";

/** Options for {@link decodeImage}. */
export type DecodeImageOptions = {
  /** Refuse images with more pixels than this. @default MAX_IMAGE_PIXELS env, else 100 MP */
  maxPixels?: number;
  /**
   * Shrink so the long edge is at most this many pixels (never enlarges). Uses
   * JPEG/WebP shrink-on-load, so a 1600 px preview of a 24 MP JPEG decodes
   * only about an eighth of the pixels. @default no resize
   */
  maxEdge?: number;
  /** Keep an alpha channel (4 channels) instead of flattening onto white. @default false */
  keepAlpha?: boolean;
};

/** Decoded pixels plus the header of the file they came from. */
export type DecodedImage = RawImage & { channels: 3 | 4; source: ImageInfo };

/**
 * Decode an image to 8-bit sRGB pixels, display-oriented (EXIF rotation
 * applied) with any embedded ICC profile (Display P3, Adobe RGB, CMYK, …)
 * converted to sRGB, and 16-bit / grey inputs brought to 8-bit RGB.
 *
 * Throws an {@link ImageError}; the size cap is checked from the header before
 * decoding, and a truncated or damaged file is `CORRUPT` rather than silently
 * grey-filled (`failOn: "error"`).
 */
export async function decodeImage(bytes: Uint8Array, options: DecodeImageOptions = {}): Promise<DecodedImage> {
  const maxPixels = options.maxPixels ?? getMaxInputPixels();
  const source = await probeImage(bytes, { maxPixels });

  let pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: "error", autoOrient: true });
  if (options.maxEdge !== undefined) {
    pipeline = pipeline.resize({
      width: options.maxEdge,
      height: options.maxEdge,
      fit: "inside",
      withoutEnlargement: true,
      fastShrinkOnLoad: true,
    });
  }
  if (!options.keepAlpha) pipeline = pipeline.flatten({ background: "#ffffff" });

  const { data, info } = await pipeline
    .toColourspace("srgb")
    .raw({ depth: "uchar" })
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => {
      throw imageErrorFromSharp({ error, format: source.format });
    });

  return { data, width: info.width, height: info.height, channels: info.channels === 4 ? 4 : 3, source };
}
