import "server-only";

import { decodeImage, type DecodeImageOptions } from "./decode-image";
import { computeImageStats, type ImageStats, type ImageStatsOptions } from "./image-stats";

/**
 * Decode an encoded image at stats size (shrink-on-load, so even a large JPEG
 * decodes quickly) and compute its {@link ImageStats}.
 */
export async function computeImageStatsFromBytes(
  bytes: Uint8Array,
  options: ImageStatsOptions & Pick<DecodeImageOptions, "maxPixels"> = {},
): Promise<ImageStats> {
  const maxEdge = options.maxEdge ?? 512;
  const decoded = await decodeImage(bytes, { maxPixels: options.maxPixels, maxEdge });
  return computeImageStats(decoded, { ...options, maxEdge });
}
