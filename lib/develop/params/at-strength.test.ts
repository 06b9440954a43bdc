import { describe, expect, it } from "vitest";
import { atStrength } from "./at-strength";

describe("atStrength", () => {
  it("moves sliders toward their defaults and curves toward the identity, keeping hue angles", () => {
    const p = atStrength(
      {
        Exposure2012: 1,
        Contrast2012: -40,
        Temperature: 3000,
        SplitToningShadowHue: 220,
        SplitToningShadowSaturation: 30,
        ToneCurvePV2012: [
          [0, 20],
          [255, 235],
        ],
        ConvertToGrayscale: true,
      },
      0.5,
    );
    expect(p.Exposure2012).toBe(0.5);
    expect(p.Contrast2012).toBe(-20);
    expect(p.SplitToningShadowHue).toBe(220);
    expect(p.SplitToningShadowSaturation).toBe(15);
    expect(p.ToneCurvePV2012).toEqual([
      [0, 10],
      [255, 245],
    ]);
    expect(p.ConvertToGrayscale).toBe(true);
    expect(p.Temperature).not.toBe(3000);
  });
  it("returns the edit itself at full strength", () => {
    const e = { Exposure2012: 1 };
    expect(atStrength(e, 1)).toBe(e);
  });
});
