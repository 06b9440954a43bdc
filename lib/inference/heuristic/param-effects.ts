import { PARAM_SPECS, isDefaultValue, isParamKey, type DevelopParams, type ParamKey } from "@/lib/develop/params";
import type { Dimension } from "./look";

/** Which dimension each common develop parameter mainly moves (for reasoning text). */
export const PARAM_DIMENSION: Partial<Record<ParamKey, Dimension>> = {
  Exposure2012: "brightness",
  Contrast2012: "contrast",
  Highlights2012: "highlights",
  Whites2012: "highlights",
  Shadows2012: "shadows",
  Blacks2012: "shadows",
  IncrementalTemperature: "warmth",
  Temperature: "warmth",
  IncrementalTint: "tint",
  Tint: "tint",
  Vibrance: "saturation",
  Saturation: "saturation",
  ConvertToGrayscale: "saturation",
  Clarity2012: "detail",
  Texture: "detail",
  Dehaze: "contrast",
  ToneCurvePV2012: "contrast",
  PostCropVignetteAmount: "brightness",
};

/**
 * How far from its default a parameter must move to make a clearly visible
 * difference (≈ one perceptual step); anything not listed uses a quarter of
 * its range. Used to rank an edit's parameters by how much they contribute.
 */
const CONTRIBUTION_SCALE: Partial<Record<ParamKey, number>> = {
  Exposure2012: 0.4,
  Contrast2012: 25,
  Highlights2012: 35,
  Shadows2012: 35,
  Whites2012: 35,
  Blacks2012: 35,
  IncrementalTemperature: 12,
  IncrementalTint: 12,
  Temperature: 800,
  Tint: 15,
  Vibrance: 25,
  Saturation: 25,
  Clarity2012: 30,
  Texture: 35,
  Dehaze: 20,
  PostCropVignetteAmount: 30,
};

/** Size of one clearly visible step of numeric parameter `key` (the unit of parameter distances). */
export function contributionScale(key: ParamKey): number {
  const spec = PARAM_SPECS[key];
  if (spec.kind !== "number") return 1;
  return CONTRIBUTION_SCALE[key] ?? (spec.max - spec.min) / 4;
}

/** One parameter's share of an edit. */
export type Contribution = { key: ParamKey; value: unknown; weight: number };

/**
 * The edit's non-default global parameters ranked by visible contribution,
 * largest first. A black & white conversion counts as very large; curves as
 * one step. Local corrections are not ranked (they are left to the caller).
 */
export function rankContributions(params: DevelopParams): Contribution[] {
  const out: Contribution[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (!isParamKey(key) || isDefaultValue(key, value)) continue;
    const spec = PARAM_SPECS[key];
    let weight: number;
    if (spec.kind === "number") {
      weight = Math.abs((value as number) - spec.default) / contributionScale(key);
    } else if (key === "ConvertToGrayscale") weight = value === true ? 4 : 0;
    else if (spec.kind === "curve") weight = 1;
    else weight = 0; // labels (WhiteBalance, curve names) change nothing by themselves
    if (weight > 0) out.push({ key, value, weight });
  }
  return out.sort((a, b) => b.weight - a.weight || a.key.localeCompare(b.key));
}
