import { linearToSrgb, srgbToLinear } from "../color/srgb";
import { assertRange, smoothstep, type FloatImage } from "./types";

/** Post-crop vignette (PostCropVignette*). */
export type VignetteOptions = {
  /** −100 (darken corners) … +100 (lighten). @default 0 */ amount?: number;
  /** Where the falloff starts, 0–100. @default 50 */ midpoint?: number;
  /** Softness of the falloff, 0–100. @default 50 */ feather?: number;
  /** −100 (follows the frame) … +100 (circular). @default 0 */ roundness?: number;
  /** 1 highlight priority, 2 colour priority, 3 paint overlay. @default 1 */ style?: number;
  /** Highlight protection for styles 1–2, 0–100. @default 0 */ highlightContrast?: number;
};

/**
 * Vignette in place on a linear image (our formulation; pixi/glfx-style radial falloff).
 * Normalised radius d = √((x/rx)² + (y/ry)²) with rx, ry the half-sides pulled toward the short
 * side by roundness (rx = ry at +100); mask m = smoothstep(r0 − f/2, r0 + f/2, d) with
 * r0 = 0.6 + 0.8·midpoint/100 and f = 0.1 + 1.1·feather/100.
 * Styles 1–2 (in linear light): darken rgb ·= 1 + a·m·(1 − hc·Y); lighten rgb += a·m·(1 − rgb).
 * Style 3 (paint overlay) does the same in display space, toward black or white.
 */
export function applyVignette({ image, ...o }: { image: FloatImage } & VignetteOptions): FloatImage {
  const { amount = 0, midpoint = 50, feather = 50, roundness = 0, style = 1, highlightContrast = 0 } = o;
  assertRange("amount", amount, -100, 100);
  assertRange("midpoint", midpoint, 0, 100);
  assertRange("feather", feather, 0, 100);
  assertRange("roundness", roundness, -100, 100);
  assertRange("style", style, 1, 3);
  assertRange("highlightContrast", highlightContrast, 0, 100);
  if (amount === 0) return image;
  const { width: w, height: h, data } = image;
  const a = amount / 100;
  const hc = highlightContrast / 100;
  const short = Math.min(w, h) / 2;
  const round = roundness / 100;
  const pull = (half: number) => (round >= 0 ? half + (short - half) * round : half * (1 - 0.5 * round));
  const rx = pull(w / 2);
  const ry = pull(h / 2);
  const r0 = 0.6 + (0.8 * midpoint) / 100;
  const f = 0.1 + (1.1 * feather) / 100;
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5 - h / 2) / ry;
    for (let x = 0, p = y * w; x < w; x++, p++) {
      const u = (x + 0.5 - w / 2) / rx;
      const m = smoothstep(r0 - f / 2, r0 + f / 2, Math.sqrt(u * u + v * v));
      if (m === 0) continue;
      const i = p * 3;
      for (let c = 0; c < 3; c++) {
        const lin = data[i + c];
        if (style === 3) {
          const s = linearToSrgb(lin);
          data[i + c] = srgbToLinear(a < 0 ? s * (1 + a * m) : s + a * m * (1 - s));
        } else if (a < 0) {
          data[i + c] = lin * (1 + a * m * (1 - hc * Math.min(1, lin)));
        } else {
          data[i + c] = lin + a * m * (1 - Math.min(1, lin));
        }
      }
    }
  }
  return image;
}
