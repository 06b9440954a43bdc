import { hueOf } from "../color/hsv";
import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { linearToSrgb, srgbToLinear } from "../color/srgb";
import { hueBandWeights, weighted } from "./hue-bands";
import { assertRange, outputFor, type FloatImage } from "./types";

/** Black & white conversion with Lightroom's eight-band grey mixer. */
export type GrayscaleOptions = {
  /** Grey-level change per band (Red … Magenta), each ±100. @default all 0 */
  mixer?: ArrayLike<number>;
};

/** log2 brightness change of a fully saturated colour at mixer ±100. */
const MIX_STOPS = 1;

/**
 * Converts display-encoded RGB to grey: Y = Rec. 709 luminance of the linear values, scaled by
 * 2^(s·Σw(h)·mix/100) where w are the hue-band weights and s the HSV saturation, at most 1 (a neutral pixel
 * keeps its luminance whatever the mixer), then re-encoded and written to all three channels.
 */
export function applyGrayscale({ image, out, mixer }: { image: FloatImage; out?: Float32Array } & GrayscaleOptions): FloatImage {
  const mix = mixer ?? new Float64Array(8);
  if (mix.length !== 8) throw new RangeError(`mixer needs 8 band values, got ${mix.length}`);
  for (let k = 0; k < 8; k++) assertRange(`mixer[${k}]`, mix[k], -100, 100);
  const hasMix = Array.from(mix).some((v) => v !== 0);
  const dst = outputFor(image, out);
  const src = image.data;
  const w = new Float64Array(8);
  for (let i = 0; i < src.length; i += 3) {
    const r = src[i];
    const g = src[i + 1];
    const b = src[i + 2];
    let y = LUMA_R * srgbToLinear(r) + LUMA_G * srgbToLinear(g) + LUMA_B * srgbToLinear(b);
    if (hasMix) {
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      if (max > 0 && max > min) {
        hueBandWeights(hueOf(r, g, b), w);
        // Saturation capped at 1: earlier stages do not clip, so min may be < 0 (near black the
        // uncapped ratio exploded and a dark pixel jumped to white).
        const s = Math.min(1, (max - min) / max);
        y *= Math.pow(2, (MIX_STOPS * s * weighted(w, mix)) / 100);
      }
    }
    const p = Math.min(1, linearToSrgb(y));
    dst[i] = p;
    dst[i + 1] = p;
    dst[i + 2] = p;
  }
  return { data: dst, width: image.width, height: image.height };
}
