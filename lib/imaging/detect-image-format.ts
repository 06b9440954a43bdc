/** Formats the platform decodes. */
export type SupportedImageFormat = "jpeg" | "png" | "webp" | "tiff" | "avif";

/** What the first bytes of a file say it is. */
export type DetectedImageFormat =
  | { supported: true; format: SupportedImageFormat }
  | { supported: false; format: "gif" | "heic" | "bmp" | "psd" | "jxl" | "ico" | "svg" }
  | null;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, Math.min(end, bytes.length)));

/**
 * Sniff the container format from magic bytes, without sharp. Lets us tell "not
 * an image at all" (a text file renamed .jpg) apart from "an image format we do
 * not take" (GIF, HEIC, …) and give each its own message.
 */
export function detectImageFormat(bytes: Uint8Array): DetectedImageFormat {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { supported: true, format: "jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { supported: true, format: "png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { supported: true, format: "webp" };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { supported: true, format: "tiff" };
  }
  if (ascii(bytes, 4, 8) === "ftyp") {
    // ISO-BMFF (HEIF family): AVIF (AV1) decodes; HEIC (HEVC) is not in sharp's prebuilt libheif.
    const brands = ftypBrands(bytes);
    if (brands.includes("avif") || brands.includes("avis")) return { supported: true, format: "avif" };
    if (brands.some((b) => HEIC_BRANDS.has(b))) return { supported: false, format: "heic" };
  }
  if (ascii(bytes, 0, 4) === "GIF8") return { supported: false, format: "gif" };
  if (ascii(bytes, 0, 2) === "BM") return { supported: false, format: "bmp" };
  if (ascii(bytes, 0, 4) === "8BPS") return { supported: false, format: "psd" };
  if (startsWith(bytes, [0xff, 0x0a]) || ascii(bytes, 4, 8) === "JXL ") return { supported: false, format: "jxl" };
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return { supported: false, format: "ico" };
  const head = ascii(bytes, 0, 1024);
  if (head.trimStart().startsWith("<") && /<svg[\s>]/i.test(head)) return { supported: false, format: "svg" };
  return null;
}

const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** Major brand followed by the compatible brands of the leading `ftyp` box. */
function ftypBrands(bytes: Uint8Array): string[] {
  const boxSize = ((bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3]) >>> 0;
  const end = Math.min(boxSize, bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}
