import { describe, expect, it } from "vitest";
import { linearGradientMask } from "./linear-gradient";
import { radialGradientMask } from "./radial-gradient";
import { luminanceRangeMask } from "./range-mask";

describe("mask shapes", () => {
  it("a top-to-bottom linear gradient is 0 above the zero line and 1 below the full line", () => {
    const m = linearGradientMask({ width: 10, height: 100, zeroX: 0.5, zeroY: 0.2, fullX: 0.5, fullY: 0.6 });
    expect(m[10 * 10 + 5]).toBe(0);
    expect(m[80 * 10 + 5]).toBe(1);
    expect(m[40 * 10 + 5]).toBeGreaterThan(0.3);
    expect(m[40 * 10 + 5]).toBeLessThan(0.7);
  });

  it("a radial gradient is 1 in the centre, 0 in the corners, and flips", () => {
    const o = { width: 40, height: 40, top: 0.25, left: 0.25, bottom: 0.75, right: 0.75, feather: 0.5 };
    const m = radialGradientMask(o);
    const f = radialGradientMask({ ...o, flipped: true });
    expect(m[20 * 40 + 20]).toBeCloseTo(1, 5);
    expect(m[0]).toBe(0);
    expect(f[0]).toBe(1);
  });

  it("a luminance range keeps mid-tones and drops black and white", () => {
    const image = { data: Float32Array.from([0, 0, 0, 0.2, 0.2, 0.2, 1, 1, 1]), width: 3, height: 1 };
    const m = luminanceRangeMask({ image, range: [0.3, 0.4, 0.6, 0.7] });
    expect(Array.from(m)).toEqual([0, 1, 0]);
  });
});
