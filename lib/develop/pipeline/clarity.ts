import { enhanceLocalContrast, fractionMap } from "./local-contrast";
import { assertRange, type FloatImage } from "./types";

/** Clarity: mid-tone local contrast over a large radius. */
export type ClarityOptions = {
  /** Clarity2012, −100 … +100. @default 0 */
  amount?: number;
  /** Extra per-pixel amount in slider units (local corrections), one value per pixel. */
  amountMap?: Float32Array | null;
};

/**
 * Clarity in place on a linear image: {@link enhanceLocalContrast} with σ = 1.5 % of the long edge
 * (≥ 2 px), gain 1 at ±100 and the mid-tone weight, so the look is independent of resolution.
 */
export function applyClarity({ image, amount = 0, amountMap }: { image: FloatImage } & ClarityOptions): FloatImage {
  assertRange("clarity", amount, -100, 100);
  const map = fractionMap(amountMap);
  const sigma = Math.max(2, 0.015 * Math.max(image.width, image.height));
  enhanceLocalContrast({ image, amount: amount / 100, amountMap: map, sigma, gain: 1, midtonesOnly: true });
  return image;
}
