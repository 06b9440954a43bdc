/** RGBA pixels of the develop preview (what a canvas's ImageData holds). */
export type Pixels = { width: number; height: number; data: Uint8ClampedArray };

/**
 * Most pixels a draft (the render shown while a slider moves) may have: a global edit renders
 * 0.35 MP in a few ms, so drafts keep up with pointer events even on a loaded machine.
 */
export const DRAFT_MAX_PIXELS = 350_000;

/** The integer downscale factor of drafts for a source of this size (1: drafts are not worth it). */
export function draftFactor(width: number, height: number): number {
  return Math.max(1, Math.ceil(Math.sqrt((width * height) / DRAFT_MAX_PIXELS)));
}

/** Area average over `factor`×`factor` blocks (partial edge blocks averaged over what they hold). */
export function downscale(src: Pixels, factor: number): Pixels {
  if (factor === 1) return src;
  const width = Math.ceil(src.width / factor);
  const height = Math.ceil(src.height / factor);
  const sum = new Uint32Array(width * 4);
  const data = new Uint8ClampedArray(width * height * 4);
  const s = src.data;
  for (let y = 0; y < height; y++) {
    sum.fill(0);
    const y1 = Math.min(src.height, (y + 1) * factor);
    for (let sy = y * factor; sy < y1; sy++) {
      for (let sx = 0, i = sy * src.width * 4; sx < src.width; sx++, i += 4) {
        const o = ((sx / factor) | 0) * 4;
        sum[o] += s[i];
        sum[o + 1] += s[i + 1];
        sum[o + 2] += s[i + 2];
        sum[o + 3] += s[i + 3];
      }
    }
    const rows = y1 - y * factor;
    for (let x = 0; x < width; x++) {
      const n = rows * (Math.min(src.width, (x + 1) * factor) - x * factor);
      for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = Math.round(sum[x * 4 + c] / n);
    }
  }
  return { width, height, data };
}

/**
 * FNV-1a over ~4096 evenly spaced bytes: tells two frames apart (the preview bench counts frames
 * whose pixels changed) for a fraction of a millisecond.
 */
export function frameChecksum(data: ArrayLike<number>): number {
  const stride = Math.max(1, Math.floor(data.length / 4096)) | 1; // odd: samples all four channels
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i += stride) h = Math.imul(h ^ data[i], 0x01000193);
  return h >>> 0;
}
