import { describe, expect, it } from "vitest";
import { applyCurves, makeCurveFunctions, makeParametricCurve, makePointCurve } from "./curves";

describe("curves", () => {
  it("an inverted point curve turns 0.2 into 0.8", () => {
    expect(
      makePointCurve([
        [0, 255],
        [255, 0],
      ])(0.2),
    ).toBeCloseTo(0.8, 6);
  });

  it("Lightroom's Medium Contrast curve darkens quarter tones and brightens three-quarter tones", () => {
    const f = makePointCurve([
      [0, 0],
      [32, 22],
      [64, 56],
      [128, 128],
      [192, 196],
      [255, 255],
    ]);
    expect(f(64 / 255)).toBeCloseTo(56 / 255, 6);
    expect(f(0.15)).toBeLessThan(0.15);
    expect(f(0.85)).toBeGreaterThan(0.85);
  });

  it("parametric highlights +100 brightens highlights but leaves black and white", () => {
    const f = makeParametricCurve({ highlights: 100 });
    expect(f(0.875)).toBeGreaterThan(0.9);
    expect(f(0)).toBe(0);
    expect(f(1)).toBe(1);
  });

  it("per-channel curves act on their channel only", () => {
    const img = { data: Float32Array.from([0.5, 0.5, 0.5]), width: 1, height: 1 };
    const out = applyCurves({
      image: img,
      red: [
        [0, 0],
        [128, 200],
        [255, 255],
      ],
    });
    expect(out.data[0]).toBeGreaterThan(0.7);
    expect(out.data[1]).toBeCloseTo(0.5, 6);
    expect(out.data[2]).toBeCloseTo(0.5, 6);
  });

  it("returns null for an all-identity panel (the stage is skipped)", () => {
    expect(
      makeCurveFunctions({
        master: [
          [0, 0],
          [255, 255],
        ],
        parametric: {},
      }),
    ).toBeNull();
  });
});
