import { describe, expect, it } from "vitest";
import { describeDiff, describeEdit } from "./describe-diff";

describe("describeDiff", () => {
  it("reads like the RetouchIQ examples, with a Unicode minus", () => {
    expect(describeEdit({ Exposure2012: 0.9, Contrast2012: -30, IncrementalTemperature: 15 })).toBe(
      "+0.9 EV exposure, \u221230 contrast, warmer by 15",
    );
  });

  it("words white balance by direction", () => {
    expect(describeDiff({ IncrementalTemperature: 20 }, { IncrementalTemperature: 5 })).toBe("cooler by 15");
    expect(describeEdit({ IncrementalTint: -8 })).toBe("greener by 8");
    expect(describeEdit({ IncrementalTint: 8 })).toBe("more magenta by 8");
  });

  it("collapses curves, grading and many HSL changes; counts corrections", () => {
    const mask = { What: "Mask/Paint" };
    const text = describeEdit({
      ToneCurvePV2012: [
        [0, 10],
        [255, 255],
      ],
      ToneCurvePV2012Red: [
        [0, 0],
        [128, 140],
        [255, 255],
      ],
      ToneCurvePV2012Blue: [
        [0, 0],
        [128, 120],
        [255, 255],
      ],
      SplitToningShadowHue: 200,
      SplitToningShadowSaturation: 20,
      HueAdjustmentRed: 5,
      HueAdjustmentBlue: 5,
      SaturationAdjustmentBlue: 5,
      LuminanceAdjustmentGreen: 5,
      MaskGroupBasedCorrections: [
        { LocalExposure2012: 0.1, CorrectionMasks: [mask] },
        { LocalExposure2012: 0.2, CorrectionMasks: [mask] },
      ],
    });
    expect(text).toBe(
      "tone curve adjusted, 2 channel curves adjusted, HSL adjusted in 3 color bands, color grading adjusted, 2 local corrections",
    );
  });

  it("names a few HSL changes individually and says when nothing changed", () => {
    expect(describeEdit({ SaturationAdjustmentOrange: -15 })).toBe("\u221215 orange saturation");
    expect(describeDiff({ Exposure2012: 0.5 }, { Exposure2012: 0.5 })).toBe("no change");
    expect(describeEdit({ ConvertToGrayscale: true })).toBe("converted to black & white");
  });
});
