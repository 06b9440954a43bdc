import type { CorrectionMask, RangeMask } from "../../params";
import { linearToSrgb } from "../../color/srgb";
import type { FloatImage } from "../types";
import { linearGradientMask } from "./linear-gradient";
import { radialGradientMask } from "./radial-gradient";
import { colorRangeMask, luminanceRangeMask, type LuminanceRange } from "./range-mask";

/** Weight map of one supported component (before MaskValue / MaskInverted). */
function componentWeights(mask: CorrectionMask, image: FloatImage): Float32Array {
  const { width, height } = image;
  const m = mask as Record<string, unknown>;
  const num = (k: string, d: number) => (typeof m[k] === "number" ? (m[k] as number) : d);
  if (mask.What === "Mask/Gradient") {
    return linearGradientMask({
      width,
      height,
      zeroX: num("ZeroX", 0),
      zeroY: num("ZeroY", 0),
      fullX: num("FullX", 0),
      fullY: num("FullY", 1),
    });
  }
  if (mask.What === "Mask/CircularGradient") {
    return radialGradientMask({
      width,
      height,
      top: num("Top", 0),
      left: num("Left", 0),
      bottom: num("Bottom", 1),
      right: num("Right", 1),
      angle: num("Angle", 0),
      feather: num("Feather", 0.5),
      flipped: m.Flipped === true,
      midpoint: num("Midpoint", 0.5),
      roundness: num("Roundness", 0),
    });
  }
  const range = m.CorrectionRangeMask as RangeMask;
  const weights =
    range.Type === 2
      ? luminanceRangeMask({ image, range: range.LumRange as LuminanceRange })
      : colorRangeMask({ image, samples: (range.ColorSamples ?? []).map((s) => sampleColor(image, s)), amount: range.ColorAmount ?? 0.5 });
  if (range.Invert) for (let i = 0; i < weights.length; i++) weights[i] = 1 - weights[i];
  return weights;
}

/** A colour sample's display RGB: its stored R/G/B, else the 5×5 mean of the image at (X, Y). */
function sampleColor(image: FloatImage, s: { X: number; Y: number; R?: number; G?: number; B?: number }): [number, number, number] {
  if (s.R !== undefined && s.G !== undefined && s.B !== undefined) return [s.R, s.G, s.B];
  const cx = Math.round(Math.min(1, Math.max(0, s.X)) * (image.width - 1));
  const cy = Math.round(Math.min(1, Math.max(0, s.Y)) * (image.height - 1));
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = Math.max(0, cy - 2); y <= Math.min(image.height - 1, cy + 2); y++) {
    for (let x = Math.max(0, cx - 2); x <= Math.min(image.width - 1, cx + 2); x++) {
      for (let c = 0; c < 3; c++) sum[c] += image.data[(y * image.width + x) * 3 + c];
      count++;
    }
  }
  return sum.map((v) => linearToSrgb(v / count)) as [number, number, number];
}

/**
 * Combines a correction's mask components in order into one weight map: each component is scaled
 * by MaskValue and inverted when MaskInverted; the first starts the map, then MaskBlendMode 0 adds
 * (union: max) and 1 intersects (product). The result is multiplied by the correction amount.
 * Only gradient, radial and range components are supported (the planner filters the rest).
 */
export function buildCorrectionMask({
  masks,
  image,
  amount,
}: {
  masks: readonly CorrectionMask[];
  image: FloatImage;
  amount: number;
}): Float32Array {
  let acc: Float32Array | null = null;
  for (const mask of masks) {
    const w = componentWeights(mask, image);
    const value = mask.MaskValue ?? 1;
    const inverted = mask.MaskInverted === true;
    for (let i = 0; i < w.length; i++) w[i] = (inverted ? 1 - w[i] : w[i]) * value;
    if (!acc) {
      acc = w;
      continue;
    }
    if (mask.MaskBlendMode === 1) for (let i = 0; i < w.length; i++) acc[i] *= w[i];
    else for (let i = 0; i < w.length; i++) acc[i] = acc[i] > w[i] ? acc[i] : w[i];
  }
  const out = acc ?? new Float32Array(image.width * image.height);
  if (amount !== 1) for (let i = 0; i < out.length; i++) out[i] *= amount;
  return out;
}
