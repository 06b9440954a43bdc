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

function checkTone(o: ToneOptions): Required<ToneOptions> {
  const { contrast = 0, highlights = 0, shadows = 0, whites = 0, blacks = 0 } = o;
  for (const [k, v] of Object.entries({ contrast, highlights, shadows, whites, blacks })) assertRange(k, v, -100, 100);
  return { contrast, highlights, shadows, whites, blacks };
}

/** Steps 1–2 of {@link makeToneFunction}: levels in linear light, then sRGB encode (not clipped). */
export function makeTonePre(options: ToneOptions): (x: number) => number {
  const { whites, blacks } = checkTone(options);
  const bl = blacks < 0 ? (0.02 * -blacks) / 100 : (0.01 * -blacks) / 100;
  const wl = 1 - (0.2 * whites) / 100;
  const levelScale = 1 / (wl - bl);
  return (x: number) => linearToSrgb((x - bl) * levelScale);
}

/** Step 3 of {@link makeToneFunction}: the shadows/highlights lift at display value p. */
export function makeToneBump(options: ToneOptions): (p: number) => number {
  const { shadows, highlights } = checkTone(options);
  const ks = ((shadows / 100) * BUMP * 27) / 4;
  const kh = ((highlights / 100) * BUMP * 27) / 4;
  return (p: number) => {
    if (p >= 1) return 0;
    const q = 1 - p;
    return ks * p * q * q + kh * p * p * q;
  };
}

/** Step 4 of {@link makeToneFunction}: clip, then the contrast S-curve. */
export function makeTonePost(options: ToneOptions): (p: number) => number {
  const { contrast } = checkTone(options);
  const gamma = Math.pow(2, (0.7 * contrast) / 100);
  const hasContrast = contrast !== 0;
  return (p: number) => {
    p = p < 0 ? 0 : p > 1 ? 1 : p;
    if (!hasContrast) return p;
    return p < PIVOT ? PIVOT * Math.pow(p / PIVOT, gamma) : 1 - (1 - PIVOT) * Math.pow((1 - p) / (1 - PIVOT), gamma);
  };
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
 *    p += s·0.12·(27/4)·p(1−p)²  and  p += h·0.12·(27/4)·p²(1−p), for p < 1. The global render
 *    evaluates the bump at an edge-aware base brightness instead (tone-regions.ts); this per-value
 *    form remains for local corrections.
 * 4. Clip to [0, 1], then contrast c as a two-sided power S-curve around P = 0.5 with γ = 2^(0.7c):
 *    p < P: P·(p/P)^γ, else 1 − (1−P)·((1−p)/(1−P))^γ. Slope γ at the pivot, monotonic.
 */
export function makeToneFunction(options: ToneOptions): (x: number) => number {
  const pre = makeTonePre(options);
  const bump = makeToneBump(options);
  const post = makeTonePost(options);
  return (x: number) => {
    const p = pre(x);
    return post(p + bump(p));
  };
}

/**
 * Applies the tone function to every channel: linear image in, display-encoded image out. With
 * `delta` (one value per pixel), the shadows/highlights lift is that pixel's value added to all
 * three channels (the edge-aware form, see tone-regions.ts) instead of the per-value bump.
 */
export function applyTone({
  image,
  out,
  delta,
  ...options
}: { image: FloatImage; out?: Float32Array; delta?: Float32Array | null } & ToneOptions): FloatImage {
  const dst = outputFor(image, out);
  const src = image.data;
  if (delta) {
    if (delta.length * 3 !== src.length) throw new RangeError(`delta has ${delta.length} values, expected ${src.length / 3}`);
    const pre = makeTonePre(options);
    const post = makeTonePost(options);
    for (let i = 0; i < src.length; i++) dst[i] = post(pre(src[i]) + delta[(i / 3) | 0]);
  } else {
    const f = makeToneFunction(options);
    for (let i = 0; i < src.length; i++) dst[i] = f(src[i]);
  }
  return { data: dst, width: image.width, height: image.height };
}
