/**
 * Decoded pixels: 8-bit, interleaved, row-major, no padding, sRGB-encoded.
 * `channels` is 3 (RGB) or 4 (RGBA, straight alpha); 1 (grey) is accepted by
 * the metric and stats helpers, which read it as R = G = B.
 */
export type RawImage = {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3 | 4;
};
