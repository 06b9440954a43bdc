import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/develop/pipeline/prng";
import { lognormalMs, percentile, uniformMs } from "./think-time";

const draws = (n: number, draw: () => number) => Array.from({ length: n }, draw);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("think time", () => {
  it("a lognormal with the stated mean, right-skewed (median below the mean), never negative", () => {
    const random = mulberry32(7);
    const xs = draws(50_000, () => lognormalMs(1000, random));
    expect(mean(xs)).toBeGreaterThan(970);
    expect(mean(xs)).toBeLessThan(1030);
    expect(percentile(xs, 50)).toBeLessThan(950);
    expect(Math.min(...xs)).toBeGreaterThan(0);
  });

  it("no think time when the mean is zero (the saturation phase)", () => {
    expect(lognormalMs(0)).toBe(0);
  });

  it("uniform pauses stay inside their range", () => {
    const random = mulberry32(3);
    const xs = draws(10_000, () => uniformMs(1000, 3000, random));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...xs)).toBeLessThanOrEqual(3000);
    expect(mean(xs)).toBeGreaterThan(1950);
    expect(mean(xs)).toBeLessThan(2050);
  });
});
