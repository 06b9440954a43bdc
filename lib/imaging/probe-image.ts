import "server-only";

import sharp from "sharp";

import { detectImageFormat, type SupportedImageFormat } from "./detect-image-format";
import { ImageError } from "./image-error";
import { imageErrorFromSharp } from "./image-error-from-sharp";
import { formatMegapixels, getMaxInputPixels } from "./max-input-pixels";

/** What the header of an image says, read without decoding pixels. */
export type ImageInfo = {
  format: SupportedImageFormat;
  /** Display width, i.e. after applying EXIF orientation. */
  width: number;
  /** Display height, i.e. after applying EXIF orientation. */
  height: number;
  /** EXIF orientation 1–8 (1 when absent). */
  orientation: number;
  /** Bands as stored (1 grey, 3 RGB, 4 RGBA or CMYK, …). */
  channels: number;
  hasAlpha: boolean;
  /** Whether an ICC profile is embedded (decoding converts it to sRGB). */
  hasProfile: boolean;
  /** Stored colour space as libvips names it: `srgb`, `b-w`, `cmyk`, `rgb16`, … */
  space: string;
  /** Stored sample format: `uchar` (8-bit), `ushort` (16-bit), … */
  depth: string;
  /** width × height. */
  pixels: number;
};

/** Options for {@link probeImage}. */
export type ProbeImageOptions = {
  /** Refuse images with more pixels than this. @default MAX_IMAGE_PIXELS env, else 100 MP */
  maxPixels?: number;
};

const FORMAT_LABELS: Record<string, string> = {
  gif: "GIF",
  heic: "HEIC/HEIF",
  bmp: "BMP",
  psd: "Photoshop PSD",
  jxl: "JPEG XL",
  ico: "ICO",
  svg: "SVG",
};

/**
 * Read an image's header: format, oriented size, colour info. Throws an
 * {@link ImageError}: `EMPTY`, `NOT_AN_IMAGE`, `UNSUPPORTED`, `CORRUPT` (bad
 * header) or `TOO_LARGE` — the last decided from the header alone, so a
 * decompression bomb is refused before any pixel is decoded.
 */
export async function probeImage(bytes: Uint8Array, { maxPixels = getMaxInputPixels() }: ProbeImageOptions = {}): Promise<ImageInfo> {
  if (bytes.byteLength === 0) throw new ImageError({ code: "EMPTY", message: "File is empty" });

  const detected = detectImageFormat(bytes);
  if (detected === null) {
    throw new ImageError({ code: "NOT_AN_IMAGE", message: "Not an image: could not detect a JPEG/PNG/WebP/TIFF/AVIF header" });
  }
  if (!detected.supported) {
    const label = FORMAT_LABELS[detected.format];
    throw new ImageError({ code: "UNSUPPORTED", message: `${label} images are not supported: use JPEG, PNG, WebP, TIFF or AVIF` });
  }

  // The pixel cap is checked below with a readable message, so libvips' own is off here.
  const meta = await sharp(bytes, { limitInputPixels: false, failOn: "error" })
    .metadata()
    .catch((error: unknown) => {
      throw imageErrorFromSharp({ error, format: detected.format });
    });

  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height) {
    throw new ImageError({ code: "CORRUPT", message: `Corrupt ${detected.format.toUpperCase()} header: no image size` });
  }
  const pixels = width * height;
  if (pixels > maxPixels) {
    throw new ImageError({
      code: "TOO_LARGE",
      message: `Image is ${width}×${height} = ${formatMegapixels(pixels)}, above the ${formatMegapixels(maxPixels)} limit`,
    });
  }

  return {
    format: detected.format,
    width,
    height,
    orientation: meta.orientation ?? 1,
    channels: meta.channels ?? 0,
    hasAlpha: meta.hasAlpha ?? false,
    hasProfile: meta.hasProfile ?? false,
    space: meta.space ?? "srgb",
    depth: meta.depth ?? "uchar",
    pixels,
  };
}
