import { describe, expect, it } from "vitest";
import { correctionsSchema } from "./correction-schemas";
import { normalizeCorrections } from "./normalize-corrections";

describe("normalizeCorrections", () => {
  it("coerces XMP text into a schema-valid correction and keeps unknown fields", () => {
    const { corrections, issues } = normalizeCorrections([
      {
        CorrectionName: "Sky",
        CorrectionActive: "true",
        CorrectionAmount: "1.000000",
        LocalExposure2012: "-0.125000",
        CorrectionSyncID: "{A1}",
        CorrectionMasks: [
          { What: "Mask/Image", MaskSubType: "2", MaskValue: "1.000000", MaskBlendMode: "0", MaskInverted: "false", MaskID: "{B2}" },
          { What: "Mask/Gradient", ZeroX: "0.5", ZeroY: "0.6", FullX: "0.5", FullY: "0.2", MaskBlendMode: "1" },
        ],
      },
    ]);
    expect(issues).toEqual([]);
    expect(correctionsSchema.safeParse(corrections).success).toBe(true);
    expect(corrections[0]).toMatchObject({ CorrectionActive: true, LocalExposure2012: -0.125, CorrectionSyncID: "{A1}" });
    expect(corrections[0].CorrectionMasks[0]).toMatchObject({ MaskSubType: 2, MaskInverted: false, MaskID: "{B2}" });
    expect(corrections[0].CorrectionMasks[1]).toMatchObject({ MaskBlendMode: 1, FullY: 0.2 });
  });

  it("clamps local sliders to the normalised −1…1 range", () => {
    const { corrections, issues } = normalizeCorrections([{ LocalContrast2012: 30, CorrectionMasks: [{ What: "Mask/Paint" }] }]);
    expect(corrections[0].LocalContrast2012).toBe(1);
    expect(issues[0]).toMatchObject({ key: "MaskGroupBasedCorrections[0].LocalContrast2012", code: "out_of_range", clampedTo: 1 });
  });

  it("keeps unknown mask kinds as data and drops unusable masks with a reason", () => {
    const { corrections, issues } = normalizeCorrections([
      {
        CorrectionMasks: [{ What: "Mask/Depth", DepthMin: "0.2" }, { What: "Mask/Gradient", ZeroX: 0 }, { Foo: 1 }],
      },
    ]);
    expect(corrections[0].CorrectionMasks).toEqual([{ What: "Mask/Depth", DepthMin: 0.2 }]);
    expect(issues.map((i) => i.key)).toEqual([
      "MaskGroupBasedCorrections[0].CorrectionMasks[1]",
      "MaskGroupBasedCorrections[0].CorrectionMasks[2]",
    ]);
    expect(issues[0].message).toMatch(/ZeroY/);
  });

  it("reads a luminance range given as text and a colour range with samples", () => {
    const { corrections, issues } = normalizeCorrections([
      {
        CorrectionMasks: [
          { What: "Mask/RangeMask", CorrectionRangeMask: { Type: "2", LumRange: "0.6 0.7 1 1" } },
          { What: "Mask/RangeMask", CorrectionRangeMask: { Type: 1, ColorAmount: 0.5, ColorSamples: [[0.2, 0.3]] } },
        ],
      },
    ]);
    expect(issues).toEqual([]);
    expect(corrections[0].CorrectionMasks[0]).toMatchObject({ CorrectionRangeMask: { Type: 2, LumRange: [0.6, 0.7, 1, 1] } });
    expect(corrections[0].CorrectionMasks[1]).toMatchObject({ CorrectionRangeMask: { ColorSamples: [{ X: 0.2, Y: 0.3 }] } });
  });

  it("drops a correction without masks and rejects a non-list", () => {
    expect(normalizeCorrections([{ LocalExposure2012: 0.1 }]).corrections).toEqual([]);
    expect(normalizeCorrections("x").issues[0].code).toBe("wrong_type");
  });
});
