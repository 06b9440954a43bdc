import "server-only";
import sharp from "sharp";

/**
 * Re-encodes an image as an 8-bit RGB PNG with no colour profile or gamma
 * chunk, so a browser decodes exactly the pixels sharp decodes here.
 */
export async function toLosslessPng(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes).removeAlpha().toColourspace("srgb").png({ compressionLevel: 3 }).toBuffer();
}
