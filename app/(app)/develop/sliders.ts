// The tables alone: the params index would bring the mask schemas (zod) into the page.
import { PARAM_SPECS, type ParamKey } from "@/lib/develop/params/specs";

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
  return {
    min: spec.min,
    max: spec.max,
    step: spec.decimals > 0 ? 10 ** -spec.decimals : 1,
    default: spec.default,
    label: spec.description,
  };
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

/** Arrow-key steps of a slider: Exposure moves by 0.05 EV (Shift: 0.5), the others by 1 (Shift: 10). */
export function sliderSteps(key: (typeof PREVIEW_SLIDERS)[number]): { small: number; large: number } {
  return key === "Exposure2012" ? { small: 0.05, large: 0.5 } : { small: 1, large: 10 };
}
