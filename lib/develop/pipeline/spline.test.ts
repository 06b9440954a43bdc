import { describe, expect, it } from "vitest";
import { monotoneCubic, naturalCubicSpline } from "./spline";

describe("naturalCubicSpline", () => {
  it("passes through every control point and holds the ends", () => {
    const xs = [0, 0.25, 0.5, 1];
    const ys = [0.1, 0.2, 0.7, 0.9];
    const f = naturalCubicSpline(xs, ys);
    xs.forEach((x, i) => expect(f(x)).toBeCloseTo(ys[i], 9));
    expect(f(-1)).toBe(0.1);
    expect(f(2)).toBe(0.9);
  });

  it("is a straight line through two points", () => {
    const f = naturalCubicSpline([0, 1], [0.2, 0.6]);
    expect(f(0.5)).toBeCloseTo(0.4, 9);
  });

  it("rejects unsorted x", () => {
    expect(() => naturalCubicSpline([0, 0.5, 0.4], [0, 1, 1])).toThrow(RangeError);
  });
});

describe("monotoneCubic", () => {
  it("never overshoots monotonic data", () => {
    const f = monotoneCubic([0, 0.1, 0.2, 1], [0, 0.5, 0.52, 1]);
    let prev = -Infinity;
    for (let i = 0; i <= 1000; i++) {
      const y = f(i / 1000);
      expect(y).toBeGreaterThanOrEqual(prev);
      prev = y;
    }
  });
});
