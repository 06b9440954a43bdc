import type { ImageStats } from "@/lib/imaging/image-stats";

/** The perceptual dimensions the heuristic roles reason about. */
export const DIMENSIONS = ["brightness", "contrast", "warmth", "tint", "saturation", "detail", "shadows", "highlights"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** An image summarised on each dimension (from {@link ImageStats}), plus clipping. */
export type Look = Record<Dimension, number> & { clipping: number };

/**
 * The size of a clearly visible change on each dimension, in the units of
 * {@link Look}: a change of one scale is what a viewer would call "brighter"
 * or "warmer" without hesitation. Tuned on the sample photos.
 */
export const SCALES: Record<Dimension, number> = {
  brightness: 0.06, // mean luma on [0, 1]
  contrast: 0.025, // luma standard deviation
  warmth: 3, // mean b* (yellow–blue)
  tint: 2.5, // mean a* (magenta–green)
  saturation: 4, // mean chroma C*ab
  detail: 0.004, // mean |Laplacian| of luma at the analysed size
  shadows: 0.04, // 5th luma percentile
  highlights: 0.04, // 95th luma percentile
};

/** Summarises image statistics on the heuristic dimensions. */
export function lookOf(stats: ImageStats): Look {
  return {
    brightness: stats.meanLuma,
    contrast: stats.lumaStdDev,
    warmth: stats.cast.b,
    tint: stats.cast.a,
    saturation: stats.meanChroma,
    detail: stats.localContrast,
    shadows: stats.percentiles.p5,
    highlights: stats.percentiles.p95,
    clipping: stats.highlightClip + stats.shadowClip,
  };
}

/** Change from `before` to `after` on each dimension, in scales (1 = clearly visible). */
export function scaledDelta(before: Look, after: Look): Record<Dimension, number> {
  const out = {} as Record<Dimension, number>;
  for (const d of DIMENSIONS) out[d] = (after[d] - before[d]) / SCALES[d];
  return out;
}

/** Rounds for display in reasoning text. */
export const fmt = (v: number, digits = 2) => Number(v.toFixed(digits)).toString();
