import { enhanceLocalContrast, fractionMap } from "./local-contrast";
import { assertRange, type FloatImage } from "./types";

/** Texture: medium-frequency detail. */
export type TextureOptions = {
  /** Texture, −100 … +100. @default 0 */
  amount?: number;
  /** Extra per-pixel amount in slider units (local corrections). */
  amountMap?: Float32Array | null;
};

/**
 * Texture in place on a linear image: {@link enhanceLocalContrast} with a small σ = 0.15 % of the
 * long edge (≥ 1 px), gain 0.8 at ±100, no tonal weighting: negative values smooth skin-like detail,
 * positive values bring it out.
 */
export function applyTexture({ image, amount = 0, amountMap }: { image: FloatImage } & TextureOptions): FloatImage {
  assertRange("texture", amount, -100, 100);
  const map = fractionMap(amountMap);
  const sigma = Math.max(1, 0.0015 * Math.max(image.width, image.height));
  enhanceLocalContrast({ image, amount: amount / 100, amountMap: map, sigma, gain: 0.8, midtonesOnly: false });
  return image;
}
