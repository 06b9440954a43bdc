import { PARAM_SPECS, type ParamKey } from "@/lib/develop/params";

/** The sliders the preview page offers, in Lightroom's Basic-panel order. */
export const PREVIEW_SLIDERS = [
  "IncrementalTemperature",
  "IncrementalTint",
  "Exposure2012",
  "Contrast2012",
  "Highlights2012",
  "Shadows2012",
  "Whites2012",
  "Blacks2012",
  "Texture",
  "Clarity2012",
  "Dehaze",
  "Vibrance",
  "Saturation",
  "PostCropVignetteAmount",
  "GrainAmount",
] as const satisfies readonly ParamKey[];

export function sliderSpec(key: (typeof PREVIEW_SLIDERS)[number]) {
  const spec = PARAM_SPECS[key];
  if (spec.kind !== "number") throw new Error(`${key} is not numeric`);
  return { min: spec.min, max: spec.max, step: spec.decimals > 0 ? 10 ** -spec.decimals : 1, default: spec.default, label: spec.description };
}

/** A slider's label as Lightroom's panel names it. */
export function sliderLabel(key: (typeof PREVIEW_SLIDERS)[number]): string {
  const special: Partial<Record<(typeof PREVIEW_SLIDERS)[number], string>> = {
    IncrementalTemperature: "Temperature",
    IncrementalTint: "Tint",
    PostCropVignetteAmount: "Vignette",
    GrainAmount: "Grain",
  };
  return special[key] ?? key.replace(/2012$/, "");
}
