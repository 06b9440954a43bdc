import { describe, expect, it } from "vitest";
import { bootstrapMean } from "./bootstrap";

describe("bootstrapMean", () => {
  it("brackets the mean, narrows with more data, and is reproducible", () => {
    const small = Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const big = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 1));
    const a = bootstrapMean(small);
    const b = bootstrapMean(big);
    expect(a.mean).toBe(0.75);
    expect(a.lo).toBeLessThan(0.75);
    expect(a.hi).toBeGreaterThan(0.75);
    expect(b.hi - b.lo).toBeLessThan((a.hi - a.lo) / 2);
    // Normal approximation for p = 0.75, n = 400: ±1.96·√(p(1−p)/n) ≈ ±0.042.
    expect(b.hi - b.lo).toBeGreaterThan(0.06);
    expect(b.hi - b.lo).toBeLessThan(0.11);
    expect(bootstrapMean(small)).toEqual(a);
    expect(bootstrapMean([1, 1, 1])).toMatchObject({ mean: 1, lo: 1, hi: 1 });
    expect(Number.isNaN(bootstrapMean([]).mean)).toBe(true);
  });
});
