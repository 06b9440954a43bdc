import { describe, expect, it } from "vitest";
import { PARAM_KEYS, PARAM_SPECS } from "./specs";
import type { ParamSpec } from "./types";

describe("PARAM_SPECS", () => {
  it("has a default inside every numeric range", () => {
    for (const key of PARAM_KEYS) {
      const spec: ParamSpec = PARAM_SPECS[key];
      if (spec.kind !== "number") continue;
      expect(spec.min, key).toBeLessThan(spec.max);
      expect(spec.default, key).toBeGreaterThanOrEqual(spec.min);
      expect(spec.default, key).toBeLessThanOrEqual(spec.max);
    }
  });

  it("holds the Lightroom facts the pipeline relies on", () => {
    expect(PARAM_SPECS.Exposure2012).toMatchObject({ min: -5, max: 5, default: 0, decimals: 2 });
    expect(PARAM_SPECS.Temperature).toMatchObject({ min: 2000, max: 50000, default: 5500 });
    expect(PARAM_SPECS.Tint).toMatchObject({ min: -150, max: 150 });
    expect(PARAM_SPECS.ParametricMidtoneSplit).toMatchObject({ min: 25, max: 75, default: 50 });
    expect(PARAM_SPECS.ColorGradeBlending.default).toBe(50);
    expect(PARAM_SPECS.SharpenRadius).toMatchObject({ min: 0.5, max: 3, default: 1, signed: true });
    expect(PARAM_SPECS.ToneCurvePV2012.default).toEqual([
      [0, 0],
      [255, 255],
    ]);
    // Lightroom has no ColorGradeShadowHue: the shadow wheel lives in SplitToning*.
    expect("ColorGradeShadowHue" in PARAM_SPECS).toBe(false);
  });

  it("covers the 24 HSL keys and 8 gray mixer keys", () => {
    expect(PARAM_KEYS.filter((k) => /^(Hue|Saturation|Luminance)Adjustment/.test(k))).toHaveLength(24);
    expect(PARAM_KEYS.filter((k) => k.startsWith("GrayMixer"))).toHaveLength(8);
  });
});
