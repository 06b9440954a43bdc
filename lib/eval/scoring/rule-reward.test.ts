import { describe, expect, it } from "vitest";
import { keyAccuracy, keySetIou, ruleReward } from "./rule-reward";

describe("JarvisArt rule-based reward", () => {
  it("format is 1 only for a full <think>…</think><answer>…</answer> output", () => {
    const base = { pred: {}, gt: {} };
    expect(ruleReward({ ...base, text: "<think>brighten</think>\n<answer>{}</answer>" }).format).toBe(1);
    expect(ruleReward({ ...base, text: "<answer>{}</answer>" }).format).toBe(0);
    expect(ruleReward({ ...base, text: "<think>x</think><answer>{}</answer> trailing" }).format).toBe(0);
  });

  it("key-set IoU ignores core, HSL, curve and mask keys as the released code does", () => {
    const pred = {
      Exposure2012: 1,
      Clarity2012: 10,
      Dehaze: 5,
      HueAdjustmentRed: 3,
      ToneCurvePV2012: [
        [0, 0],
        [255, 255],
      ],
    };
    const gt = { Contrast2012: 20, Clarity2012: 25, Texture: 10 };
    // Scored sets: pred {Clarity2012, Dehaze}, gt {Clarity2012, Texture} → 1 / 3.
    const r = ruleReward({ text: "", pred, gt });
    expect(r.matching).toBeCloseTo(1 / 3, 12);
    // Accuracy over shared scored keys: Clarity |10−25| / 30 → 0.5.
    expect(r.accuracy).toBeCloseTo(0.5, 12);
    expect(keySetIou([], [])).toBe(1);
  });

  it("per-key thresholds give max(0, 1 − |Δ|/τ)", () => {
    expect(keyAccuracy("Exposure2012", 0.5, 0.25)).toBeCloseTo(0.75, 12);
    expect(keyAccuracy("Contrast2012", 35, 0)).toBeCloseTo(0.5, 12);
    expect(keyAccuracy("Temperature", 6500, 5000)).toBe(0);
    expect(keyAccuracy("LuminanceAdjustmentBlue", -15, 0)).toBeCloseTo(0.5, 12);
    expect(keyAccuracy("HueAdjustmentBlue", 10, 0)).toBeCloseTo(0.5, 12);
    expect(keyAccuracy("SharpenRadius", 1.5, 1)).toBeCloseTo(0.5, 12); // any other key: τ = 1
    expect(keyAccuracy("ConvertToGrayscale", true, true)).toBe(1);
    expect(keyAccuracy("WhiteBalance", "Auto", "Custom")).toBe(0);
  });

  it("accuracyAllKeys scores the core sliders the released filter drops; total sums the terms", () => {
    const r = ruleReward({
      text: "<think>t</think><answer>{}</answer>",
      pred: { Exposure2012: 0.5, Contrast2012: 10 },
      gt: { Exposure2012: 0, Contrast2012: 10 },
      meanDeltaE: 10,
    });
    expect(r.accuracy).toBe(0); // no shared key survives the released filter
    expect(r.accuracyAllKeys).toBeCloseTo((0.5 + 1) / 2, 12);
    expect(r.perception).toBeCloseTo(Math.exp(-0.15), 12);
    expect(r.local).toBe(1); // no ground-truth corrections
    expect(r.total).toBeCloseTo(1 + 1 + 0 + 1 + Math.exp(-0.15), 12);
  });
});
