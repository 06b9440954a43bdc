import type { ExportImage } from "./types";

const EXT: Record<string, string> = { jpeg: "jpg", jpg: "jpg", png: "png", webp: "webp", tiff: "tif", avif: "avif", heif: "heic" };

/**
 * The bundle path of an image: `images/<sha256>.<ext>`. Content-addressed, so
 * an image used by many rows (or many exports) is one file, written once.
 * EasyR1 joins it with `data.image_dir`; verl gets it under `file://<imageRoot>/`.
 */
export function imagePath(image: ExportImage): string {
  return `images/${image.sha256}.${EXT[image.format] ?? "img"}`;
}
