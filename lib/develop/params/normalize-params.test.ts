import { describe, expect, it } from "vitest";
import { normalizeParams } from "./normalize-params";

describe("normalizeParams", () => {
  it("resolves aliases and coerces numeric strings", () => {
    const { params, issues } = normalizeParams({ exposure: "+0.50", contrast: "-30", hue_red: 12, grayscale: "True" });
    expect(params).toEqual({ Exposure2012: 0.5, Contrast2012: -30, HueAdjustmentRed: 12, ConvertToGrayscale: true });
    expect(issues).toEqual([]);
  });

  it("clamps out-of-range values and says what it clamped to", () => {
    const { params, issues } = normalizeParams({ Exposure2012: 7, Tint: -200 });
    expect(params).toEqual({ Exposure2012: 5, Tint: -150 });
    expect(issues.map((i) => [i.key, i.code, i.clampedTo])).toEqual([
      ["Exposure2012", "out_of_range", 5],
      ["Tint", "out_of_range", -150],
    ]);
    expect(issues[0].message).toContain("clamped to 5");
  });

  it("drops wrong types with a message naming the key and the value", () => {
    const { params, issues } = normalizeParams({ Contrast2012: "lots", ConvertToGrayscale: "maybe", WhiteBalance: "Moonlight" });
    expect(params).toEqual({});
    expect(issues.map((i) => i.code)).toEqual(["wrong_type", "wrong_type", "wrong_type"]);
    expect(issues[0].message).toMatch(/Contrast2012 must be a number.*"lots"/);
  });

  it("reports unknown keys, keeps metadata quietly, flags unrendered settings", () => {
    const { params, issues } = normalizeParams({
      Sparkle: 3,
      ProcessVersion: "15.4",
      SupportsAmount: "True",
      CropTop: 0.1,
      RedHue: 20,
    });
    expect(params).toEqual({ RedHue: 20 });
    expect(issues.map((i) => [i.key, i.code])).toEqual([
      ["Sparkle", "unknown_key"],
      ["CropTop", "not_rendered"],
      ["RedHue", "not_rendered"],
    ]);
  });

  it("prefers the canonical key when an alias sets the same parameter", () => {
    const { params, issues } = normalizeParams({ exposure: 1, Exposure2012: 0.3 });
    expect(params.Exposure2012).toBe(0.3);
    expect(issues).toHaveLength(1);
    expect(issues[0].code).toBe("malformed");
  });

  it("rounds to each key's precision", () => {
    expect(normalizeParams({ Exposure2012: 0.333, Contrast2012: 12.6, SharpenRadius: 1.26 }).params).toEqual({
      Exposure2012: 0.33,
      Contrast2012: 13,
      SharpenRadius: 1.3,
    });
  });

  it("never throws on hostile input", () => {
    const inputs: unknown[] = [
      null,
      3,
      "x",
      [],
      { Exposure2012: {} },
      { ToneCurvePV2012: "garbage" },
      { MaskGroupBasedCorrections: "no" },
      { exposure: NaN },
      { exposure: Infinity },
    ];
    for (const input of inputs) {
      const r = normalizeParams(input as Record<string, unknown>);
      expect(Array.isArray(r.issues)).toBe(true);
    }
    expect(normalizeParams(null as unknown as Record<string, unknown>).issues[0].code).toBe("malformed");
  });
});
