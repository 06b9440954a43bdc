import { ImageError } from "./image-error";

const FORMAT_NAMES: Record<string, string> = { jpeg: "JPEG", png: "PNG", webp: "WebP", tiff: "TIFF", avif: "AVIF" };

/**
 * Turn an error thrown by sharp/libvips into an {@link ImageError}. Only called
 * after the header was sniffed as a supported format, so anything libvips
 * rejects from here on is damage in the file (or the pixel cap).
 */
export function imageErrorFromSharp({ error, format }: { error: unknown; format: string }): ImageError {
  if (error instanceof ImageError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/exceeds pixel limit/i.test(detail)) {
    return new ImageError({ code: "TOO_LARGE", message: "Image is above the pixel limit", cause: error });
  }
  if (/unsupported image format/i.test(detail)) {
    return new ImageError({ code: "NOT_AN_IMAGE", message: "Not an image: the decoder did not recognise the data", cause: error });
  }
  const name = FORMAT_NAMES[format] ?? format.toUpperCase();
  return new ImageError({ code: "CORRUPT", message: `Corrupt or truncated ${name}: ${cleanDetail(detail)}`, cause: error });
}

/** libvips prefixes messages with loader names ("VipsJpeg: …", "pngload_buffer: …"); users need the rest. */
function cleanDetail(detail: string): string {
  const firstLine = detail
    .split("\n")[0]
    .replace(/^[A-Za-z_]+:\s*/, "")
    .trim();
  return firstLine || "the decoder could not read the pixel data";
}
