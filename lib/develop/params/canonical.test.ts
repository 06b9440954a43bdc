import { describe, expect, it } from "vitest";
import { canonicalParams, isIdentity, withDefaults } from "./canonical";
import { normalizeParams } from "./normalize-params";

describe("canonicalParams", () => {
  it("gives the same key for the same edit however it was written", () => {
    const a = normalizeParams({ contrast: -30, exposure: "+0.5", Saturation: 0 }).params;
    const b = normalizeParams({ Exposure2012: 0.5, Contrast2012: -30 }).params;
    expect(canonicalParams(a)).toBe(canonicalParams(b));
    expect(canonicalParams(a)).toBe('{"Contrast2012":-30,"Exposure2012":0.5}');
  });

  it("drops identity curves, including ones with extra points on the diagonal", () => {
    const p = normalizeParams({
      ToneCurvePV2012: [
        [0, 0],
        [128, 128],
        [255, 255],
      ],
      ColorGradeBlending: 50,
    }).params;
    expect(canonicalParams(p)).toBe("{}");
  });

  it("differs when a value differs", () => {
    expect(canonicalParams({ Exposure2012: 0.5 })).not.toBe(canonicalParams({ Exposure2012: 0.51 }));
  });
});

describe("withDefaults / isIdentity", () => {
  it("fills every key with its default", () => {
    const full = withDefaults({ Exposure2012: 1 });
    expect(full.Exposure2012).toBe(1);
    expect(full.Temperature).toBe(5500);
    expect(full.ParametricHighlightSplit).toBe(75);
    expect(full.MaskGroupBasedCorrections).toEqual([]);
  });

  it("treats defaults, labels and unrendered keys as identity, any slider as not", () => {
    expect(isIdentity({})).toBe(true);
    expect(isIdentity({ ToneCurveName2012: "Custom", ColorGradeBlending: 50 })).toBe(true);
    expect(isIdentity({ RedHue: 30 })).toBe(true);
    expect(isIdentity({ Vibrance: 1 })).toBe(false);
  });

  it("treats inactive or zero-slider corrections as identity", () => {
    const mask = { What: "Mask/Paint" };
    expect(isIdentity({ MaskGroupBasedCorrections: [{ CorrectionActive: false, LocalExposure2012: 0.2, CorrectionMasks: [mask] }] })).toBe(
      true,
    );
    expect(isIdentity({ MaskGroupBasedCorrections: [{ LocalExposure2012: 0, CorrectionMasks: [mask] }] })).toBe(true);
    expect(isIdentity({ MaskGroupBasedCorrections: [{ LocalExposure2012: 0.2, CorrectionMasks: [mask] }] })).toBe(false);
  });
});
