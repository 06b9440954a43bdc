import { mulberry32 } from "@/lib/develop/params";

/** The seeded PRNG (mulberry32) intervals use, so they are reproducible run to run. */
export const seededRandom = mulberry32;

export type Interval = { mean: number; lo: number; hi: number; n: number };

const mean = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  return s / v.length;
};

function percentile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * Percentile bootstrap 95% interval of the mean of `values` (items resampled
 * with replacement, `resamples` times, seeded). n < 2 gives a zero-width interval.
 */
export function bootstrapMean(values: number[], { resamples = 2000, seed = 1 }: { resamples?: number; seed?: number } = {}): Interval {
  const n = values.length;
  if (n === 0) return { mean: NaN, lo: NaN, hi: NaN, n };
  const m = mean(values);
  if (n < 2) return { mean: m, lo: m, hi: m, n };
  const rand = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += values[Math.floor(rand() * n)];
    means[r] = s / n;
  }
  means.sort();
  return { mean: m, lo: percentile(means, 0.025), hi: percentile(means, 0.975), n };
}

export type PairedDifference = Interval & {
  /** True when the 95% interval of mean(a − b) excludes 0. */
  significant: boolean;
  /** Two-sided bootstrap p-value: twice the share of resampled differences on the far side of 0. */
  p: number;
};

/**
 * Paired bootstrap of mean(a − b) over the same items (a[i] and b[i] score
 * item i under two runs): resamples items, not runs, so item difficulty
 * cancels. Significant when the 95% interval excludes 0.
 */
export function pairedBootstrap(a: number[], b: number[], options: { resamples?: number; seed?: number } = {}): PairedDifference {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`);
  const diffs = a.map((v, i) => v - b[i]);
  const ci = bootstrapMean(diffs, options);
  if (diffs.length < 2) return { ...ci, significant: false, p: 1 };
  const resamples = options.resamples ?? 2000;
  const rand = seededRandom((options.seed ?? 1) + 7919);
  let below = 0;
  let above = 0;
  const n = diffs.length;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += diffs[Math.floor(rand() * n)];
    if (s <= 0) below++;
    if (s >= 0) above++;
  }
  const p = Math.min(1, (2 * Math.min(below, above)) / resamples);
  return { ...ci, significant: ci.lo > 0 || ci.hi < 0, p };
}
