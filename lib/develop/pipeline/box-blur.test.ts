import { describe, expect, it } from "vitest";
import { boxBlur } from "./box-blur";
import { gaussianBlur } from "./gaussian-blur";

describe("boxBlur / gaussianBlur", () => {
  it("keeps a constant plane constant", () => {
    const plane = { data: new Float32Array(50 * 30).fill(0.4), width: 50, height: 30 };
    const out = boxBlur({ plane, radius: 7 });
    for (const v of out.data) expect(v).toBeCloseTo(0.4, 5);
  });

  it("spreads an impulse over the (2r+1)² window with its sum preserved", () => {
    const plane = { data: new Float32Array(21 * 21), width: 21, height: 21 };
    plane.data[10 * 21 + 10] = 1;
    const out = boxBlur({ plane, radius: 2 });
    expect(out.data.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(out.data[10 * 21 + 12]).toBeCloseTo(1 / 25, 5);
    expect(out.data[10 * 21 + 13]).toBe(0);
  });

  it("a Gaussian blur reduces a checkerboard's contrast", () => {
    const plane = { data: Float32Array.from({ length: 32 * 32 }, (_, i) => ((i % 32) + Math.floor(i / 32)) % 2), width: 32, height: 32 };
    const out = gaussianBlur({ plane, sigma: 3 });
    expect(Math.max(...out.data) - Math.min(...out.data)).toBeLessThan(0.2);
  });

  it("rejects a negative radius", () => {
    expect(() => boxBlur({ plane: { data: new Float32Array(4), width: 2, height: 2 }, radius: -1 })).toThrow(RangeError);
  });
});
