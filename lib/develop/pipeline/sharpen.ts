import { perceptualLightness } from "./perceptual-lightness";
import { assertRange, smoothstep, type FloatImage } from "./types";

/** Detail-panel sharpening. */
export type SharpenOptions = {
  /** Sharpness 0–150. @default 0 */ amount?: number;
  /** Radius in pixels 0.5–3. @default 1 */ radius?: number;
  /** Detail 0–100: how much of the halo is kept. @default 25 */ detail?: number;
  /** Edge masking 0–100: 0 sharpens everything, 100 only strong edges. @default 0 */ edgeMasking?: number;
  /** Extra per-pixel amount in slider units (local Sharpness × 100). */
  amountMap?: Float32Array | null;
};

/**
 * Unsharp mask in place on a linear image, on lightness l = √Y so colours keep their ratios:
 * blur = separable Gaussian of σ = radius (direct kernel, ≤ 19 taps); detail δ = l − blur, clamped to
 * ±(0.02 + 0.2·detail/100) to limit halos; edge mask e = smoothstep(t, 2t, |∇blur|) with
 * t = 0.05·edgeMasking/100 (e = 1 when 0); l' = l + (amount/100)·1.5·δ·e; rgb ·= (l'/l)².
 */
export function applySharpen({
  image,
  amount = 0,
  radius = 1,
  detail = 25,
  edgeMasking = 0,
  amountMap,
}: { image: FloatImage } & SharpenOptions): FloatImage {
  assertRange("amount", amount, 0, 150);
  assertRange("radius", radius, 0.5, 3);
  assertRange("detail", detail, 0, 100);
  assertRange("edgeMasking", edgeMasking, 0, 100);
  const { width: w, height: h, data } = image;
  const l = perceptualLightness(image);
  const blur = gaussianConvolve(l, w, h, radius);
  const clampD = 0.02 + (0.2 * detail) / 100;
  const t = (0.05 * edgeMasking) / 100;
  for (let y = 0; y < h; y++) {
    for (let x = 0, p = y * w; x < w; x++, p++) {
      const a = (amount + (amountMap ? amountMap[p] : 0)) / 100;
      const lp = l[p];
      if (a <= 0 || lp < 1e-4) continue;
      let e = 1;
      if (t > 0) {
        const gx = blur[y * w + Math.min(w - 1, x + 1)] - blur[y * w + Math.max(0, x - 1)];
        const gy = blur[Math.min(h - 1, y + 1) * w + x] - blur[Math.max(0, y - 1) * w + x];
        e = smoothstep(t, 2 * t, Math.sqrt(gx * gx + gy * gy) / 2);
      }
      const dl = Math.max(-clampD, Math.min(clampD, lp - blur[p]));
      const l2 = Math.max(0, lp + a * 1.5 * dl * e);
      const k = (l2 / lp) * (l2 / lp);
      const i = p * 3;
      data[i] *= k;
      data[i + 1] *= k;
      data[i + 2] *= k;
    }
  }
  return image;
}

/** Separable Gaussian convolution with a normalised kernel of radius ⌈3σ⌉ and clamped edges. */
function gaussianConvolve(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const r = Math.ceil(3 * sigma);
  const kernel = Float32Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const sum = kernel.reduce((a, b) => a + b, 0);
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += kernel[k + r] * src[y * w + Math.min(w - 1, Math.max(0, x + k))];
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -r; k <= r; k++) s += kernel[k + r] * tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x];
      out[y * w + x] = s;
    }
  }
  return out;
}
