import { linearToSrgb } from "../color/srgb";
import { assertRange, outputFor, type FloatImage } from "./types";

/** Basic-panel tone sliders, each −100 … +100. */
export type ToneOptions = {
  /** S-curve strength around mid-grey. @default 0 */
  contrast?: number;
  /** Lifts (+) or pulls down (−) the bright tones. @default 0 */
  highlights?: number;
  /** Lifts (+) or deepens (−) the dark tones. @default 0 */
  shadows?: number;
  /** Moves the white point. @default 0 */
  whites?: number;
  /** Moves the black point. @default 0 */
  blacks?: number;
};

/** Contrast pivot, in display (sRGB-encoded) units: mid-grey. */
const PIVOT = 0.5;
/** Largest lift of the shadow / highlight bumps at ±100, in display units (≈ 31 codes). */
const BUMP = 0.12;

/** Whether every tone slider is at its neutral value. */
export function isToneIdentity(o: ToneOptions): boolean {
  return !o.contrast && !o.highlights && !o.shadows && !o.whites && !o.blacks;
}

/**
 * Builds the per-channel tone function: linear light in, display-encoded value in [0, 1] out.
 * Applied channel by channel (like RawTherapee's "standard" curve mode), so it is separable.
 *
 * 1. Levels in linear light (darktable's Lightroom importer maps Blacks to a black level the same
 *    way): black level bl = 0.02·(−blacks/100) for blacks < 0, 0.01·(−blacks/100) otherwise; white
 *    level wl = 1 − 0.2·whites/100; x' = (x − bl)/(wl − bl).
 * 2. Encode with the sRGB transfer function: p = srgb(x').
 * 3. Shadows s and highlights h as smooth bumps (our own, monotonic for |s|,|h| ≤ 1):
 *    p += s·0.12·(27/4)·p(1−p)²  and  p += h·0.12·(27/4)·p²(1−p), for p in [0, 1].
 * 4. Clip to [0, 1], then contrast c as a two-sided power S-curve around P = 0.5 with γ = 2^(0.7c):
 *    p < P: P·(p/P)^γ, else 1 − (1−P)·((1−p)/(1−P))^γ. Slope γ at the pivot, monotonic.
 */
export function makeToneFunction(options: ToneOptions): (x: number) => number {
  const { contrast = 0, highlights = 0, shadows = 0, whites = 0, blacks = 0 } = options;
  for (const [k, v] of Object.entries({ contrast, highlights, shadows, whites, blacks })) assertRange(k, v, -100, 100);
  const bl = blacks < 0 ? (0.02 * -blacks) / 100 : (0.01 * -blacks) / 100;
  const wl = 1 - (0.2 * whites) / 100;
  const levelScale = 1 / (wl - bl);
  const ks = ((shadows / 100) * BUMP * 27) / 4;
  const kh = ((highlights / 100) * BUMP * 27) / 4;
  const gamma = Math.pow(2, (0.7 * contrast) / 100);
  const hasContrast = contrast !== 0;
  return (x: number) => {
    let p = linearToSrgb((x - bl) * levelScale);
    if (p < 1) {
      const q = 1 - p;
      p += ks * p * q * q + kh * p * p * q;
    }
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    if (!hasContrast) return p;
    return p < PIVOT ? PIVOT * Math.pow(p / PIVOT, gamma) : 1 - (1 - PIVOT) * Math.pow((1 - p) / (1 - PIVOT), gamma);
  };
}

/** Applies the tone function to every channel: linear image in, display-encoded image out. */
export function applyTone({ image, out, ...options }: { image: FloatImage; out?: Float32Array } & ToneOptions): FloatImage {
  const dst = outputFor(image, out);
  const f = makeToneFunction(options);
  const src = image.data;
  for (let i = 0; i < src.length; i++) dst[i] = f(src[i]);
  return { data: dst, width: image.width, height: image.height };
}
