import { describe, expect, it } from "vitest";
import { diffParams } from "./diff-params";

describe("diffParams", () => {
  it("lists changed keys with from, to and delta against defaults", () => {
    expect(diffParams({ Exposure2012: 0.5, Contrast2012: 10 }, { Exposure2012: 1.2, Contrast2012: 10, Vibrance: -5 })).toEqual([
      { key: "Exposure2012", from: 0.5, to: 1.2, delta: 0.7 },
      { key: "Vibrance", from: 0, to: -5, delta: -5 },
    ]);
    expect(diffParams({ ColorGradeBlending: 30 }, {})).toEqual([{ key: "ColorGradeBlending", from: 30, to: 50, delta: 20 }]);
  });

  it("is empty for equal edits, treating identity curves as equal", () => {
    expect(diffParams({ Exposure2012: 0.5 }, { Exposure2012: 0.5 })).toEqual([]);
    expect(
      diffParams(
        {
          ToneCurvePV2012: [
            [0, 0],
            [128, 128],
            [255, 255],
          ],
        },
        {},
      ),
    ).toEqual([]);
  });

  it("summarises curves and corrections", () => {
    const mask = { What: "Mask/Image", MaskSubType: 2 };
    const changes = diffParams(
      {},
      {
        ToneCurvePV2012: [
          [0, 10],
          [128, 140],
          [255, 255],
        ],
        MaskGroupBasedCorrections: [{ LocalExposure2012: 0.1, CorrectionMasks: [mask] }],
      },
    );
    expect(changes.map((c) => [c.key, c.summary, c.delta])).toEqual([
      ["ToneCurvePV2012", "3-point curve", undefined],
      ["MaskGroupBasedCorrections", "1 local correction", 1],
    ]);
  });
});
