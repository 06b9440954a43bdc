import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import { boxBlur } from "./box-blur";
import { perceptualLightness } from "./perceptual-lightness";
import type { FloatImage } from "./types";

/** Noise reduction sliders, 0–100 (Lightroom's Detail panel). */
export type DenoiseOptions = { luminance: number; color: number };

/**
 * Noise reduction on a linear image, in place (our own, edge-preserving; Adobe's is not public):
 *
 * - Luminance (`LuminanceSmoothing`): a self-guided filter (He et al.) on l = √Y with window
 *   radius 1 + round(2a) and ε = (0.04a)², a = amount/100 — flat areas whose local deviation is
 *   below ≈ 0.04a are averaged, edges and texture above it are kept; rgb ·= (l'/l)².
 * - Colour (`ColorNoiseReduction`): the chromaticity ratios rgb/Y are box-averaged over radius
 *   1 + round(6a) and blended in by min(1, 2a); luminance is untouched, so edges stay sharp and
 *   only colour blotches are smoothed.
 *
 * O(1) per pixel whatever the radius (box blurs with running sums).
 */
export function applyDenoise({ image, luminance, color }: { image: FloatImage } & DenoiseOptions): FloatImage {
  const { width, height, data } = image;
  const n = width * height;
  if (luminance > 0) {
    const a = luminance / 100;
    const radius = 1 + Math.round(2 * a);
    const eps = (0.04 * a) ** 2;
    const l = perceptualLightness(image);
    const l2 = l.map((v) => v * v);
    const scratch = new Float32Array(n);
    const plane = (d: Float32Array) => ({ data: d, width, height });
    const mean = boxBlur({ plane: plane(l), radius, scratch }).data;
    const mean2 = boxBlur({ plane: plane(l2), radius, scratch }).data;
    const ca = new Float32Array(n);
    const cb = new Float32Array(n);
    for (let p = 0; p < n; p++) {
      const variance = Math.max(0, mean2[p] - mean[p] * mean[p]);
      ca[p] = variance / (variance + eps);
      cb[p] = mean[p] * (1 - ca[p]);
    }
    const ma = boxBlur({ plane: plane(ca), radius, scratch }).data;
    const mb = boxBlur({ plane: plane(cb), radius, scratch }).data;
    for (let p = 0, i = 0; p < n; p++, i += 3) {
      if (l[p] <= 0) continue;
      const ratio = (ma[p] * l[p] + mb[p]) / l[p];
      const g = ratio * ratio;
      data[i] *= g;
      data[i + 1] *= g;
      data[i + 2] *= g;
    }
  }
  if (color > 0) {
    const a = color / 100;
    const radius = 1 + Math.round(6 * a);
    const mix = Math.min(1, 2 * a);
    const y = new Float32Array(n);
    const ratios = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
    for (let p = 0, i = 0; p < n; p++, i += 3) {
      const yy = LUMA_R * data[i] + LUMA_G * data[i + 1] + LUMA_B * data[i + 2];
      y[p] = yy;
      const inv = yy > 1e-6 ? 1 / yy : 0;
      for (let c = 0; c < 3; c++) ratios[c][p] = yy > 1e-6 ? data[i + c] * inv : 1;
    }
    const scratch = new Float32Array(n);
    const blurred = ratios.map((r) => boxBlur({ plane: { data: r, width, height }, radius, scratch }).data);
    for (let p = 0, i = 0; p < n; p++, i += 3) {
      if (y[p] <= 1e-6) continue;
      for (let c = 0; c < 3; c++) data[i + c] = (ratios[c][p] + (blurred[c][p] - ratios[c][p]) * mix) * y[p];
    }
  }
  return image;
}
