import { describe, expect, it } from "vitest";
import { bootstrapMean, pairedBootstrap, seededRandom } from "./bootstrap";

const noise = (seed: number, n: number, sd: number) => {
  const r = seededRandom(seed);
  // Box–Muller, so the spread is known.
  return Array.from({ length: n }, () => sd * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
};

describe("bootstrap intervals", () => {
  it("cover the mean with a width close to ±1.96·σ/√n", () => {
    const v = noise(3, 400, 2).map((x) => 10 + x);
    const ci = bootstrapMean(v);
    expect(ci.lo).toBeLessThan(ci.mean);
    expect(ci.hi).toBeGreaterThan(ci.mean);
    const sd = Math.sqrt(v.reduce((s, x) => s + (x - ci.mean) ** 2, 0) / v.length);
    expect((ci.hi - ci.lo) / 2).toBeCloseTo((1.96 * sd) / Math.sqrt(400), 1);
    expect(bootstrapMean(v)).toEqual(ci); // seeded: reproducible
  });

  it("paired differences cancel item difficulty that an unpaired comparison cannot", () => {
    // Items vary a lot (σ 5); run A is better by 0.3 on every item, with small per-item noise.
    const difficulty = noise(5, 100, 5);
    const jitter = noise(6, 100, 0.2);
    const a = difficulty.map((d, i) => d + 0.3 + jitter[i]);
    const b = difficulty;
    const paired = pairedBootstrap(a, b);
    expect(paired.significant).toBe(true);
    expect(paired.mean).toBeCloseTo(0.3, 1);
    expect(paired.p).toBeLessThan(0.01);
    // Unpaired intervals of the two means overlap heavily.
    const ia = bootstrapMean(a);
    const ib = bootstrapMean(b);
    expect(ia.lo).toBeLessThan(ib.hi);
  });

  it("is not significant for two runs that differ only by noise", () => {
    const a = noise(8, 80, 1);
    const b = noise(9, 80, 1);
    const r = pairedBootstrap(a, b);
    expect(r.lo).toBeLessThan(0);
    expect(r.hi).toBeGreaterThan(0);
    expect(r.significant).toBe(false);
    expect(() => pairedBootstrap([1, 2], [1])).toThrow(/differ in length/);
  });
});
