import { downsampleBox } from "./downsample-box";
import type { RawImage } from "./raw-image";
import { srgbToLab } from "./srgb-to-lab";

/** Tonal and colour statistics of an image, for heuristics and UI. */
export type ImageStats = {
  /** Size of the downsampled copy the statistics were computed on. */
  analysed: { width: number; height: number };
  /** Fraction of pixels per 8-bit luma value (Rec. 709 weights on sRGB-encoded values); sums to 1. */
  lumaHistogram: number[];
  /** Luma percentiles on [0, 1]. */
  percentiles: { p1: number; p5: number; p50: number; p95: number; p99: number };
  /** Mean luma on [0, 1]. */
  meanLuma: number;
  /** Standard deviation of luma on [0, 1]: global contrast. */
  lumaStdDev: number;
  /** Mean CIE L* (0–100). */
  meanLightness: number;
  /** Mean CIE chroma C*ab: 0 for greys, ~20–40 for colourful photos. */
  meanChroma: number;
  /** Mean a* (> 0 magenta, < 0 green) and b* (> 0 yellow/warm, < 0 blue/cool): the white-balance cast. */
  cast: { a: number; b: number };
  /** Fraction of pixels with every channel ≤ `shadowClipLevel` (crushed blacks). */
  shadowClip: number;
  /** Fraction of pixels with any channel ≥ `highlightClipLevel` (blown highlights). */
  highlightClip: number;
  /** Mean |4-neighbour Laplacian| of luma on [0, 1], over interior pixels: local contrast / detail. */
  localContrast: number;
};

/** Options for {@link computeImageStats}. */
export type ImageStatsOptions = {
  /** Long edge of the copy the statistics are computed on. @default 512 */
  maxEdge?: number;
  /** 8-bit level at or below which a pixel counts as clipped black. @default 2 */
  shadowClipLevel?: number;
  /** 8-bit level at or above which a channel counts as clipped white. @default 253 */
  highlightClipLevel?: number;
};

/**
 * Statistics of an 8-bit sRGB image, computed on a box-downsampled copy (long
 * edge ≤ 512 by default) so the cost is bounded whatever the input size.
 * Local contrast depends on that scale, so compare it only between images
 * analysed at the same `maxEdge`.
 */
export function computeImageStats(image: RawImage, options: ImageStatsOptions = {}): ImageStats {
  const { maxEdge = 512, shadowClipLevel = 2, highlightClipLevel = 253 } = options;
  const small = downsampleBox(image, maxEdge);
  const { data, width, height } = small;
  const pixels = width * height;
  const luma = new Float64Array(pixels);
  const counts = new Float64Array(256);
  const lab = new Float64Array(3);
  let sumLuma = 0,
    sumLuma2 = 0,
    sumL = 0,
    sumA = 0,
    sumB = 0,
    sumChroma = 0,
    shadows = 0,
    highlights = 0;

  for (let p = 0, i = 0; p < pixels; p++, i += 3) {
    const r = data[i];
    const g = data[i + 1];
    const b = data[i + 2];
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    luma[p] = y / 255;
    counts[Math.round(y)]++;
    sumLuma += luma[p];
    sumLuma2 += luma[p] * luma[p];
    srgbToLab(r, g, b, lab);
    sumL += lab[0];
    sumA += lab[1];
    sumB += lab[2];
    sumChroma += Math.hypot(lab[1], lab[2]);
    if (r <= shadowClipLevel && g <= shadowClipLevel && b <= shadowClipLevel) shadows++;
    if (r >= highlightClipLevel || g >= highlightClipLevel || b >= highlightClipLevel) highlights++;
  }

  const meanLuma = sumLuma / pixels;
  return {
    analysed: { width, height },
    lumaHistogram: Array.from(counts, (c) => c / pixels),
    percentiles: {
      p1: percentile(counts, pixels, 0.01),
      p5: percentile(counts, pixels, 0.05),
      p50: percentile(counts, pixels, 0.5),
      p95: percentile(counts, pixels, 0.95),
      p99: percentile(counts, pixels, 0.99),
    },
    meanLuma,
    lumaStdDev: Math.sqrt(Math.max(0, sumLuma2 / pixels - meanLuma * meanLuma)),
    meanLightness: sumL / pixels,
    meanChroma: sumChroma / pixels,
    cast: { a: sumA / pixels, b: sumB / pixels },
    shadowClip: shadows / pixels,
    highlightClip: highlights / pixels,
    localContrast: meanAbsLaplacian(luma, width, height),
  };
}

/** Smallest luma level (on [0, 1]) whose cumulative share reaches `q`. */
function percentile(counts: Float64Array, total: number, q: number): number {
  const target = q * total;
  let cumulative = 0;
  for (let level = 0; level < 256; level++) {
    cumulative += counts[level];
    if (cumulative >= target) return level / 255;
  }
  return 1;
}

function meanAbsLaplacian(luma: Float64Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const lap = luma[i - 1] + luma[i + 1] + luma[i - width] + luma[i + width] - 4 * luma[i];
      sum += lap < 0 ? -lap : lap;
    }
  }
  return sum / ((width - 2) * (height - 2));
}
