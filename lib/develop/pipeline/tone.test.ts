import { describe, expect, it } from "vitest";
import { linearToSrgb, srgbToLinear } from "../color/srgb";
import { makeToneFunction } from "./tone";

const SLIDERS = ["contrast", "highlights", "shadows", "whites", "blacks"] as const;

describe("makeToneFunction", () => {
  it("is the plain sRGB encode at neutral sliders", () => {
    const f = makeToneFunction({});
    for (const x of [0, 0.01, 0.18, 0.5, 1]) expect(f(x)).toBeCloseTo(linearToSrgb(x), 6);
  });

  it("steepens around mid-grey for positive contrast and flattens for negative", () => {
    const up = makeToneFunction({ contrast: 60 });
    const down = makeToneFunction({ contrast: -60 });
    const dark = srgbToLinear(0.3);
    const light = srgbToLinear(0.7);
    expect(up(light) - up(dark)).toBeGreaterThan(0.4);
    expect(down(light) - down(dark)).toBeLessThan(0.4);
  });

  it("lifts shadows with +shadows and pulls highlights with −highlights, leaving black and white", () => {
    const s = makeToneFunction({ shadows: 100 });
    const h = makeToneFunction({ highlights: -100 });
    expect(s(srgbToLinear(0.25))).toBeGreaterThan(0.3);
    expect(h(srgbToLinear(0.75))).toBeLessThan(0.7);
    expect(s(0)).toBe(0);
    expect(h(1)).toBeCloseTo(1, 6);
  });

  it("never inverts tones at any slider extreme", () => {
    for (const key of SLIDERS) {
      for (const v of [-100, 100]) {
        const f = makeToneFunction({ [key]: v });
        let prev = -1;
        for (let i = 0; i <= 400; i++) {
          const y = f(i / 200);
          expect(y).toBeGreaterThanOrEqual(prev - 1e-9);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(1);
          prev = y;
        }
      }
    }
  });

  it("rejects out-of-range sliders", () => {
    expect(() => makeToneFunction({ contrast: 101 })).toThrow(RangeError);
  });
});
