import { describe, expect, it } from "vitest";
import { lookupParamKey, resolveParamKey, shortNameFor } from "./aliases";
import { PARAM_KEYS } from "./specs";

describe("resolveParamKey", () => {
  it("maps RetouchIQ short names onto crs keys, ignoring case and separators", () => {
    expect(resolveParamKey("exposure")).toBe("Exposure2012");
    expect(resolveParamKey("Contrast")).toBe("Contrast2012");
    expect(resolveParamKey("temperature")).toBe("IncrementalTemperature");
    expect(resolveParamKey("TINT")).toBe("IncrementalTint");
    expect(resolveParamKey("hue_red")).toBe("HueAdjustmentRed");
    expect(resolveParamKey("red_hue")).toBe("HueAdjustmentRed");
    expect(resolveParamKey("sat-orange")).toBe("SaturationAdjustmentOrange");
    expect(resolveParamKey("lum blue")).toBe("LuminanceAdjustmentBlue");
    expect(resolveParamKey("vignette")).toBe("PostCropVignetteAmount");
    expect(resolveParamKey("grain")).toBe("GrainAmount");
  });

  it("keeps exact canonical names even where a short alias folds to the same letters", () => {
    expect(resolveParamKey("Tint")).toBe("Tint");
    expect(resolveParamKey("Temperature")).toBe("Temperature");
    expect(resolveParamKey("RedHue")).toBe("RedHue");
  });

  it("maps old un-suffixed keys and flags third-party ones", () => {
    expect(lookupParamKey("ToneCurve")).toEqual({ key: "ToneCurvePV2012", via: "legacy" });
    expect(lookupParamKey("Exposure")).toEqual({ key: "Exposure2012", via: "legacy" });
    expect(lookupParamKey("ColorGradeShadowHue")).toEqual({ key: "SplitToningShadowHue", via: "nonstandard" });
    expect(resolveParamKey("nonsense")).toBeUndefined();
  });

  it("resolves every canonical key to itself, case-insensitively too when unambiguous", () => {
    for (const key of PARAM_KEYS) expect(resolveParamKey(key)).toBe(key);
    expect(resolveParamKey("exposure2012")).toBe("Exposure2012");
  });

  it("gives each short name back as the preferred alias", () => {
    expect(shortNameFor("Exposure2012")).toBe("exposure");
    expect(shortNameFor("IncrementalTemperature")).toBe("temperature");
    expect(shortNameFor("HueAdjustmentRed")).toBe("hue_red");
    for (const key of PARAM_KEYS) {
      const short = shortNameFor(key);
      if (short) expect(resolveParamKey(short), short).toBe(key);
    }
  });
});
