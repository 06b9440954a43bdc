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

  it("Midpoint moves the half-way point of the feather band; 0.5 is the plain gradient", () => {
    const o = { width: 200, height: 1, top: -10, left: 0, bottom: 11, right: 1, feather: 0.8 };
    const at = (m: Float32Array, d: number) => m[Math.round(100 + d * 100 - 0.5)];
    const plain = radialGradientMask(o);
    expect(Array.from(radialGradientMask({ ...o, midpoint: 0.5 }))).toEqual(Array.from(plain));
    // Band spans d = 0.2 … 1; half-way at d = 0.2 + 0.8·m.
    expect(at(radialGradientMask({ ...o, midpoint: 0.25 }), 0.4)).toBeCloseTo(0.5, 1);
    expect(at(radialGradientMask({ ...o, midpoint: 0.75 }), 0.8)).toBeCloseTo(0.5, 1);
    expect(at(radialGradientMask({ ...o, midpoint: 0.25 }), 0.6)).toBeLessThan(at(plain, 0.6));
  });

  it("Roundness pulls a wide ellipse toward a circle (+) or a box-filling rounded rectangle (−)", () => {
    const o = { width: 100, height: 100, top: 0.3, left: 0.1, bottom: 0.7, right: 0.9, feather: 0.1 };
    const corner = 35 * 100 + 20; // near the box corner: outside the ellipse, inside the rectangle
    const top = 25 * 100 + 50; // above the box, inside the geometric-mean circle
    expect(radialGradientMask(o)[corner]).toBe(0);
    expect(radialGradientMask({ ...o, roundness: -1 })[corner]).toBeGreaterThan(0.9);
    expect(radialGradientMask(o)[top]).toBe(0);
    expect(radialGradientMask({ ...o, roundness: 1 })[top]).toBeGreaterThan(0.9);
  });

  it("a luminance range keeps mid-tones and drops black and white", () => {
    const image = { data: Float32Array.from([0, 0, 0, 0.2, 0.2, 0.2, 1, 1, 1]), width: 3, height: 1 };
    const m = luminanceRangeMask({ image, range: [0.3, 0.4, 0.6, 0.7] });
    expect(Array.from(m)).toEqual([0, 1, 0]);
  });
});
