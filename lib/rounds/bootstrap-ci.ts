import { mulberry32 as seededRandom } from "@/lib/develop/params";

/**
 * Mean of `values` with a 95% percentile-bootstrap interval (resampling the
 * items, seeded so a page reload shows the same interval). Empty → NaNs.
 */
export function bootstrapMeanCi(values: number[], { iterations = 2000, seed = 1 }: { iterations?: number; seed?: number } = {}) {
  const n = values.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const rand = seededRandom(seed);
  const means = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += values[Math.floor(rand() * n)];
    means[i] = s / n;
  }
  means.sort();
  return { mean, lo: means[Math.floor(0.025 * (iterations - 1))], hi: means[Math.ceil(0.975 * (iterations - 1))], n };
}
