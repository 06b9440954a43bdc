import { describe, expect, it } from "vitest";
import { localAccuracy, localParamAccuracy } from "./local-reward";
import { maskComponentSimilarity, regionSimilarity } from "./mask-similarity";

const gradient = (zeroY: number) => ({ What: "Mask/Gradient", ZeroX: 0, ZeroY: zeroY, FullX: 0, FullY: 0.5 });
const radial = (top: number, extra: Record<string, unknown> = {}) => ({
  What: "Mask/CircularGradient",
  Left: 0.2,
  Right: 0.6,
  Top: top,
  Bottom: top + 0.4,
  ...extra,
});
const ai = (subType: number, extra: Record<string, unknown> = {}) => ({ What: "Mask/Image", MaskSubType: subType, ...extra });
const polygon = (x0: number) => ({
  What: "Mask/Polygon",
  Points: [
    { X: x0, Y: 0 },
    { X: x0 + 0.5, Y: 0 },
    { X: x0 + 0.5, Y: 0.5 },
    { X: x0, Y: 0.5 },
  ],
});

describe("mask component similarity", () => {
  it("compares linear gradients by their end points (1 − distance / 0.5 each)", () => {
    // Start points 0.1 apart → 0.8; end points equal → 1; mean 0.9.
    expect(maskComponentSimilarity(gradient(0), gradient(0.1))).toBeCloseTo(0.9, 12);
  });

  it("compares radial gradients by centre, size and angle", () => {
    // Centres 0.1 apart → 0.8, same size → 1: 0.5·0.8 + 0.5·1.
    expect(maskComponentSimilarity(radial(0.2), radial(0.3))).toBeCloseTo(0.9, 12);
    // Angles 90° apart → 0.5: 0.4·0.8 + 0.4·1 + 0.2·0.5.
    expect(maskComponentSimilarity(radial(0.2, { Angle: 0 }), radial(0.3, { Angle: 90 }))).toBeCloseTo(0.82, 12);
    // A different blend mode caps the shared attributes at 0.4.
    expect(maskComponentSimilarity(radial(0.2, { MaskBlendMode: 1 }), radial(0.3))).toBeCloseTo(0.4 * 0.9, 12);
  });

  it("compares AI masks by subtype and person part, scaled by the shared attributes", () => {
    expect(maskComponentSimilarity(ai(1), ai(0))).toBe(0.4); // subject vs object
    expect(maskComponentSimilarity(ai(2), ai(1))).toBe(0); // sky vs subject
    expect(maskComponentSimilarity(ai(3, { MaskSubCategoryID: 2 }), ai(3, { MaskSubCategoryID: 5 }))).toBe(0.3);
    expect(maskComponentSimilarity(ai(2, { MaskValue: 0.8 }), ai(2))).toBeCloseTo(0.8, 12);
    expect(maskComponentSimilarity(ai(2, { MaskInverted: true }), ai(2))).toBe(0);
  });

  it("compares polygons by bounding-box IoU; different kinds score 0.1", () => {
    // [0, 0.5] vs [0.25, 0.75] wide, same height: intersection 0.125, union 0.375.
    expect(maskComponentSimilarity(polygon(0), polygon(0.25))).toBeCloseTo(1 / 3, 12);
    expect(maskComponentSimilarity(polygon(0), gradient(0))).toBe(0.1);
  });

  it("pairs a correction's components and adds completeness", () => {
    // Gradient↔gradient 0.9 is the only pair above 0.2 (the sky mask meets padding):
    // 0.7 · 0.9 + 0.3 · (1 counted / 2 components).
    expect(regionSimilarity({ CorrectionMasks: [gradient(0), ai(2)] }, { CorrectionMasks: [gradient(0.1)] })).toBeCloseTo(0.78, 12);
    expect(regionSimilarity({ CorrectionMasks: [ai(2)] }, { CorrectionMasks: [gradient(0)] })).toBe(0);
  });
});

describe("local slider accuracy", () => {
  it("scores shared and one-sided sliders as released", () => {
    const pred = {
      LocalExposure2012: 0.05,
      LocalContrast2012: 0.1,
      LocalSaturation: 0.05,
      LocalClarity2012: 0.3,
      CorrectionAmount: 0.5,
      CorrectionActive: true,
    };
    const gt = { LocalExposure2012: 0.03, LocalContrast2012: 0.25, CorrectionActive: true, LocalTemperature: 0.2 };
    // Exposure 1 − 0.02/0.08 = 0.75; Contrast 1 − 0.15/0.3 = 0.5; Active 1; Temperature (pred 0) 1 − 0.2/0.4 = 0.5;
    // Clarity only predicted, 0.3 ≥ τ/2 from 0 → counted as 0; Saturation only predicted, within τ/2 → not counted;
    // CorrectionAmount is not scored. (0.75 + 0.5 + 1 + 0.5 + 0) / 5.
    expect(localParamAccuracy(pred, gt)).toBeCloseTo(2.75 / 5, 12);
    expect(localParamAccuracy({ CorrectionMasks: [] }, { CorrectionName: "sky" })).toBe(1);
  });
});

describe("local term", () => {
  const group = (masks: object[], sliders: Record<string, number>) => ({ CorrectionMasks: masks, ...sliders });

  it("gives the hand-computed score when one of two ground-truth groups is matched", () => {
    const pred = { MaskGroupBasedCorrections: [group([gradient(0)], { LocalExposure2012: 0.1 })] };
    const gt = { MaskGroupBasedCorrections: [group([gradient(0.1)], { LocalExposure2012: 0.06 }), group([ai(2)], { LocalDehaze: 0.2 })] };
    // Region 0.7 · 0.9 + 0.3 · 1 = 0.93; sliders 1 − 0.04/0.08 = 0.5; 1 of 2 groups matched.
    expect(localAccuracy(pred, gt)).toBeCloseTo(0.4 * 0.5 + 0.6 * 0.93 * 0.5, 12);
  });

  it("drops pairs under 0.3 region similarity and is 1 for an exact copy", () => {
    const gt = { MaskGroupBasedCorrections: [group([ai(2)], { LocalDehaze: 0.2 })] };
    expect(localAccuracy({ MaskGroupBasedCorrections: [group([gradient(0)], { LocalDehaze: 0.2 })] }, gt)).toBe(0);
    expect(localAccuracy(gt, gt)).toBeCloseTo(1, 12);
  });

  it("follows the released edge cases", () => {
    const masks = { MaskGroupBasedCorrections: [group([ai(2)], {})] };
    expect(localAccuracy(masks, {})).toBe(1); // no ground-truth corrections: 1 whatever was predicted
    expect(localAccuracy({}, masks)).toBe(0);
    expect(localAccuracy({ MaskGroupBasedCorrections: [] }, { MaskGroupBasedCorrections: [] })).toBe(1);
    expect(localAccuracy(masks, { MaskGroupBasedCorrections: [] })).toBe(0);
  });
});
