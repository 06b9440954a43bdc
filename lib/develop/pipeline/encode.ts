import { encodeLinearToByte } from "../color/srgb";
import type { Image8 } from "./decode";
import type { FloatImage } from "./types";

/**
 * Float RGB → 8-bit. `domain: "linear"` encodes through the fine sRGB table; `"display"` rounds
 * already-encoded values (`round(clamp(v)·255)`). Alpha is copied from `alpha` when channels is 4.
 */
export function encodeToImage8({
  image,
  domain,
  channels = 3,
  alpha,
  out,
}: {
  image: FloatImage;
  domain: "linear" | "display";
  channels?: 3 | 4;
  alpha?: Image8;
  out?: Uint8Array;
}): Image8 {
  const n = image.width * image.height;
  const dst = out ?? new Uint8Array(n * channels);
  if (dst.length !== n * channels) throw new RangeError(`out has ${dst.length} bytes, expected ${n * channels}`);
  const src = image.data;
  const a = channels === 4 && alpha?.channels === 4 ? alpha.data : null;
  for (let p = 0, s = 0, d = 0; p < n; p++, s += 3, d += channels) {
    for (let c = 0; c < 3; c++) {
      const v = src[s + c];
      if (domain === "linear") dst[d + c] = encodeLinearToByte(v);
      else dst[d + c] = v <= 0 ? 0 : v >= 1 ? 255 : (v * 255 + 0.5) | 0;
    }
    if (channels === 4) dst[d + 3] = a ? a[p * 4 + 3] : 255;
  }
  return { data: dst, width: image.width, height: image.height, channels };
}
