import { LUMA_B, LUMA_G, LUMA_R } from "../color/luma";
import type { FloatImage } from "./types";

/**
 * The plane the detail stages (clarity, texture, sharpening) work on:
 * l = √Y per pixel of a linear RGB image, a cheap perceptual lightness.
 * Callers scale each channel by (l'/l)² afterwards so colours keep their ratios.
 */
export function perceptualLightness(image: FloatImage): Float32Array {
  const { width, height, data } = image;
  const n = width * height;
  const l = new Float32Array(n);
  for (let p = 0, i = 0; p < n; p++, i += 3) {
    const y = LUMA_R * data[i] + LUMA_G * data[i + 1] + LUMA_B * data[i + 2];
    l[p] = y > 0 ? Math.sqrt(y) : 0;
  }
  return l;
}
