// Think time for the simulated people in the benches and the load harness.
// A person reads an item or looks at a page before the next click; a client that
// fires its next request the moment the last one answers is a stress test, not a
// person. Reading times are right-skewed (most are short, a few are long), so
// the benches draw them from a lognormal with a stated mean; the load harness
// draws page-to-page pauses uniformly from a stated range.

/** Spread of the lognormal (sigma of the underlying normal): p5 ≈ 0.45 × mean, p95 ≈ 2 × mean. */
const SIGMA = 0.5;

/** A lognormal draw with mean `meanMs` (0 → 0: no think time, the saturation regime). */
export function lognormalMs(meanMs: number, random: () => number = Math.random): number {
  if (meanMs <= 0) return 0;
  // Box–Muller; 1 - random() keeps the log argument in (0, 1].
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const mu = Math.log(meanMs) - (SIGMA * SIGMA) / 2;
  return Math.exp(mu + SIGMA * z);
}

/** A uniform draw in [minMs, maxMs]. */
export const uniformMs = (minMs: number, maxMs: number, random: () => number = Math.random) =>
  minMs + random() * Math.max(0, maxMs - minMs);

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The p-th percentile (nearest rank) of `xs`, NaN when empty. */
export const percentile = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN;
