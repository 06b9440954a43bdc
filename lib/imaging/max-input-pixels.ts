/** Default cap on input pixels (width × height): 100 MP. */
export const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;

/**
 * The input pixel cap: `MAX_IMAGE_PIXELS` from the environment when it is a
 * positive integer, else 100 MP. A 100 MP RGBA decode is 400 MB, which is why
 * the cap exists; read per call so tests and ops can change it without restarts.
 */
export function getMaxInputPixels(): number {
  const fromEnv = Number(process.env.MAX_IMAGE_PIXELS);
  return Number.isSafeInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_MAX_INPUT_PIXELS;
}

/** "900 MP", "12.3 MP", "0.26 MP": megapixels with sensible precision. */
export function formatMegapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  const digits = mp >= 100 ? 0 : mp >= 10 ? 1 : 2;
  return `${Number(mp.toFixed(digits))} MP`;
}
