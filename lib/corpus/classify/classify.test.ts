import { describe, expect, it } from "vitest";
import { assignSplit } from "./assign-split";
import { classifyCategory } from "./classify-category";

const radial = {
  CorrectionAmount: 1,
  LocalExposure2012: 0.1,
  CorrectionMasks: [{ What: "Mask/CircularGradient", Top: 0.2, Left: 0.2, Bottom: 0.8, Right: 0.8 }],
};

describe("classifyCategory", () => {
  it("calls corrective global edits quality", () => {
    expect(classifyCategory({ Exposure2012: 0.8, Shadows2012: 30, IncrementalTemperature: 10, HueAdjustmentOrange: -10 }).category).toBe(
      "quality",
    );
  });

  it("calls black & white, strong grading, large hue shifts and creative curves style", () => {
    expect(classifyCategory({ ConvertToGrayscale: true }).category).toBe("style");
    expect(classifyCategory({ SplitToningShadowHue: 220, SplitToningShadowSaturation: 35 }).category).toBe("style");
    expect(classifyCategory({ HueAdjustmentBlue: 40 }).category).toBe("style");
    expect(
      classifyCategory({
        ToneCurvePV2012: [
          [0, 60],
          [128, 128],
          [255, 200],
        ],
      }).category,
    ).toBe("style");
    expect(
      classifyCategory({
        ToneCurvePV2012Blue: [
          [0, 30],
          [255, 255],
        ],
      }).category,
    ).toBe("style");
    // A gentle medium-contrast curve is a correction, not a look.
    expect(
      classifyCategory({
        ToneCurvePV2012: [
          [0, 0],
          [32, 22],
          [64, 56],
          [128, 128],
          [192, 196],
          [255, 255],
        ],
      }).category,
    ).toBe("quality");
  });

  it("puts an effective local correction first, and ignores an inactive one", () => {
    expect(classifyCategory({ ConvertToGrayscale: true, MaskGroupBasedCorrections: [radial] } as never)).toMatchObject({
      category: "local",
    });
    expect(classifyCategory({ MaskGroupBasedCorrections: [{ ...radial, CorrectionActive: false }] } as never).category).toBe("quality");
  });

  it("lets thresholds be overridden", () => {
    expect(classifyCategory({ HueAdjustmentBlue: 25 }).category).toBe("quality");
    expect(classifyCategory({ HueAdjustmentBlue: 25 }, { hueShift: 20 }).category).toBe("style");
  });
});

describe("assignSplit", () => {
  it("is deterministic per source image and close to the documented ratios", () => {
    const shas = Array.from({ length: 4000 }, (_, i) => i.toString(16).padStart(64, "0"));
    const splits = shas.map((s) => assignSplit(s));
    expect(shas.map((s) => assignSplit(s))).toEqual(splits);
    const share = (k: string) => splits.filter((s) => s === k).length / splits.length;
    expect(share("test")).toBeGreaterThan(0.03);
    expect(share("test")).toBeLessThan(0.07);
    expect(share("val")).toBeGreaterThan(0.03);
    expect(share("val")).toBeLessThan(0.07);
    expect(assignSplit(shas[0], { val: 0, test: 1 })).toBe("test");
  });
});
