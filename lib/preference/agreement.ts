// Inter-rater agreement for nominal labels (strong / weak / tie / both_bad).

/** Cohen's κ for two raters who labelled the same items: (pₒ − pₑ) / (1 − pₑ). */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  let agree = 0;
  for (const [x, y] of pairs) {
    if (x === y) agree++;
    a.set(x, (a.get(x) ?? 0) + 1);
    b.set(y, (b.get(y) ?? 0) + 1);
  }
  const po = agree / n;
  let pe = 0;
  for (const [c, na] of a) pe += (na / n) * ((b.get(c) ?? 0) / n);
  if (pe === 1) return po === 1 ? 1 : null;
  return (po - pe) / (1 - pe);
}

/**
 * Fleiss' κ: `counts[i][j]` = how many raters put item i in category j; every
 * item must have the same number of raters (items with fewer are the caller's
 * to drop or to use Krippendorff's α instead).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): number | null {
  const N = counts.length;
  if (N === 0) return null;
  const n = counts[0].reduce((s, x) => s + x, 0);
  if (n < 2 || counts.some((row) => row.reduce((s, x) => s + x, 0) !== n)) return null;
  const k = counts[0].length;
  const p = Array.from({ length: k }, (_, j) => counts.reduce((s, row) => s + row[j], 0) / (N * n));
  const Pbar = counts.reduce((s, row) => s + (row.reduce((t, x) => t + x * x, 0) - n) / (n * (n - 1)), 0) / N;
  const Pe = p.reduce((s, x) => s + x * x, 0);
  if (Pe === 1) return null;
  return (Pbar - Pe) / (1 - Pe);
}

/**
 * Krippendorff's α for nominal data with any number of raters and missing
 * values: `units[u]` holds the labels unit u received (any length; units with
 * fewer than two labels are not pairable and are skipped). α = 1 − Dₒ / Dₑ
 * computed from the coincidence matrix.
 */
export function krippendorffAlphaNominal(units: readonly (readonly string[])[]): number | null {
  const o = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, w: number) => {
    const row = o.get(c) ?? new Map<string, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    o.set(c, row);
  };
  for (const values of units) {
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i], values[j], 1 / (m - 1));
  }
  const nc = new Map<string, number>();
  let n = 0;
  for (const [c, row] of o) {
    const s = [...row.values()].reduce((a, b) => a + b, 0);
    nc.set(c, s);
    n += s;
  }
  if (n <= 1) return null;
  let observed = 0;
  for (const [c, row] of o) for (const [k, v] of row) if (c !== k) observed += v;
  let expected = 0;
  for (const [c, a] of nc) for (const [k, b] of nc) if (c !== k) expected += a * b;
  expected /= n - 1;
  if (expected === 0) return null;
  return 1 - observed / expected;
}
