import { HSL_BANDS, PARAM_KEYS, isParamKey } from "./specs";
import type { ParamKey } from "./specs";

// One table from every accepted spelling onto a canonical `crs` key. The first alias listed for a
// key is its preferred short name (used by the RetouchIQ serialiser).

const SHORT: Array<[ParamKey, string[]]> = [
  ["Temperature", ["kelvin", "temperature_kelvin"]],
  ["Tint", ["raw_tint"]],
  ["IncrementalTemperature", ["temperature", "temp", "warmth"]],
  ["IncrementalTint", ["tint"]],
  ["WhiteBalance", ["white_balance", "wb"]],
  ["Exposure2012", ["exposure", "ev"]],
  ["Contrast2012", ["contrast"]],
  ["Highlights2012", ["highlights"]],
  ["Shadows2012", ["shadows"]],
  ["Whites2012", ["whites"]],
  ["Blacks2012", ["blacks"]],
  ["Texture", ["texture"]],
  ["Clarity2012", ["clarity"]],
  ["Dehaze", ["dehaze"]],
  ["Vibrance", ["vibrance"]],
  ["Saturation", ["saturation"]],
  ["ParametricShadows", ["parametric_shadows", "curve_shadows"]],
  ["ParametricDarks", ["parametric_darks", "curve_darks"]],
  ["ParametricLights", ["parametric_lights", "curve_lights"]],
  ["ParametricHighlights", ["parametric_highlights", "curve_highlights"]],
  ["ParametricShadowSplit", ["shadow_split"]],
  ["ParametricMidtoneSplit", ["midtone_split"]],
  ["ParametricHighlightSplit", ["highlight_split"]],
  ["ToneCurvePV2012", ["tone_curve", "curve"]],
  ["ToneCurvePV2012Red", ["tone_curve_red", "curve_red", "red_curve"]],
  ["ToneCurvePV2012Green", ["tone_curve_green", "curve_green", "green_curve"]],
  ["ToneCurvePV2012Blue", ["tone_curve_blue", "curve_blue", "blue_curve"]],
  ["ToneCurveName2012", ["tone_curve_name", "curve_name"]],
  ["SplitToningShadowHue", ["shadow_hue", "split_shadow_hue", "grade_shadow_hue"]],
  ["SplitToningShadowSaturation", ["shadow_sat", "shadow_saturation", "split_shadow_sat", "grade_shadow_sat"]],
  ["SplitToningHighlightHue", ["highlight_hue", "split_highlight_hue", "grade_highlight_hue"]],
  ["SplitToningHighlightSaturation", ["highlight_sat", "highlight_saturation", "split_highlight_sat", "grade_highlight_sat"]],
  ["SplitToningBalance", ["balance", "split_balance", "grade_balance"]],
  ["ColorGradeMidtoneHue", ["midtone_hue", "grade_midtone_hue"]],
  ["ColorGradeMidtoneSat", ["midtone_sat", "midtone_saturation", "grade_midtone_sat"]],
  ["ColorGradeGlobalHue", ["global_hue", "grade_global_hue"]],
  ["ColorGradeGlobalSat", ["global_sat", "global_saturation", "grade_global_sat"]],
  ["ColorGradeShadowLum", ["shadow_lum", "grade_shadow_lum"]],
  ["ColorGradeMidtoneLum", ["midtone_lum", "grade_midtone_lum"]],
  ["ColorGradeHighlightLum", ["highlight_lum", "grade_highlight_lum"]],
  ["ColorGradeGlobalLum", ["global_lum", "grade_global_lum"]],
  ["ColorGradeBlending", ["blending", "grade_blending"]],
  ["ConvertToGrayscale", ["grayscale", "black_white", "bw", "monochrome"]],
  ["PostCropVignetteAmount", ["vignette", "vignette_amount"]],
  ["PostCropVignetteMidpoint", ["vignette_midpoint"]],
  ["PostCropVignetteFeather", ["vignette_feather"]],
  ["PostCropVignetteRoundness", ["vignette_roundness"]],
  ["PostCropVignetteStyle", ["vignette_style"]],
  ["PostCropVignetteHighlightContrast", ["vignette_highlights", "vignette_highlight_contrast"]],
  ["GrainAmount", ["grain", "grain_amount"]],
  ["GrainSize", ["grain_size"]],
  ["GrainFrequency", ["grain_roughness", "grain_frequency"]],
  ["Sharpness", ["sharpness", "sharpen", "sharpening"]],
  ["SharpenRadius", ["sharpen_radius", "sharpness_radius"]],
  ["SharpenDetail", ["sharpen_detail", "sharpness_detail"]],
  ["SharpenEdgeMasking", ["sharpen_masking", "sharpness_masking", "masking"]],
  ["LuminanceSmoothing", ["noise_reduction", "luminance_noise", "denoise"]],
  ["ColorNoiseReduction", ["color_noise", "color_noise_reduction"]],
];

function bandAliases(): Array<[ParamKey, string[]]> {
  const rows: Array<[ParamKey, string[]]> = [];
  for (const band of HSL_BANDS) {
    const b = band.toLowerCase();
    rows.push([`HueAdjustment${band}`, [`hue_${b}`, `${b}_hue`]]);
    rows.push([`SaturationAdjustment${band}`, [`sat_${b}`, `saturation_${b}`, `${b}_sat`, `${b}_saturation`]]);
    rows.push([`LuminanceAdjustment${band}`, [`lum_${b}`, `luminance_${b}`, `${b}_lum`, `${b}_luminance`]]);
    rows.push([`GrayMixer${band}`, [`gray_${b}`, `grey_${b}`, `bw_${b}`, `${b}_gray`]]);
  }
  return rows;
}

/** Un-suffixed names from process versions before 2012; names only (the XMP reader converts PV2010 values). */
const LEGACY: Array<[ParamKey, string[]]> = [
  ["Exposure2012", ["Exposure"]],
  ["Contrast2012", ["Contrast"]],
  ["Highlights2012", ["Highlights"]],
  ["Shadows2012", ["Shadows"]],
  ["Whites2012", ["Whites"]],
  ["Blacks2012", ["Blacks"]],
  ["Clarity2012", ["Clarity"]],
  ["ToneCurvePV2012", ["ToneCurve"]],
  ["ToneCurvePV2012Red", ["ToneCurveRed"]],
  ["ToneCurvePV2012Green", ["ToneCurveGreen"]],
  ["ToneCurvePV2012Blue", ["ToneCurveBlue"]],
  ["ToneCurveName2012", ["ToneCurveName"]],
];

/**
 * Keys Lightroom never writes but third-party presets do (e.g. the peva3 collection). Their meaning
 * is unambiguous, so they are read as the Lightroom key — and reported, so the author can fix them.
 */
const NONSTANDARD: Array<[ParamKey, string[]]> = [
  ["SplitToningShadowHue", ["ColorGradeShadowHue"]],
  ["SplitToningShadowSaturation", ["ColorGradeShadowSat"]],
  ["SplitToningHighlightHue", ["ColorGradeHighlightHue"]],
  ["SplitToningHighlightSaturation", ["ColorGradeHighlightSat"]],
  ["SplitToningBalance", ["ColorGradeBalance"]],
  ["SharpenRadius", ["SharpnessRadius"]],
  ["SharpenDetail", ["SharpnessDetail"]],
  ["SharpenEdgeMasking", ["SharpnessEdgeMasking", "SharpnessMasking"]],
  ["GrainFrequency", ["GrainRoughness"]],
];

/** How a name was recognised. */
export type AliasKind = "canonical" | "alias" | "legacy" | "nonstandard";

/** A resolved parameter name. */
export type ParamKeyMatch = { key: ParamKey; via: AliasKind };

/** Case, `_`, `-` and spaces are ignored when matching a non-exact spelling. */
function fold(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, "");
}

const exact = new Map<string, ParamKeyMatch>();
const folded = new Map<string, ParamKeyMatch>();
const preferredAlias = new Map<ParamKey, string>();

function register(rows: Array<[ParamKey, string[]]>, via: AliasKind): void {
  for (const [key, names] of rows) {
    if (via === "alias" && !preferredAlias.has(key)) preferredAlias.set(key, names[0]);
    for (const name of names) {
      if (!exact.has(name)) exact.set(name, { key, via });
      const f = fold(name);
      if (!folded.has(f)) folded.set(f, { key, via });
    }
  }
}

// Registration order is precedence for folded spellings: short aliases win over canonical names,
// so "tint" / "TINT" mean IncrementalTint while the exact "Tint" stays the raw-file key.
register(SHORT, "alias");
register(bandAliases(), "alias");
register(LEGACY, "legacy");
register(NONSTANDARD, "nonstandard");
for (const key of PARAM_KEYS) {
  exact.set(key, { key, via: "canonical" });
  if (!folded.has(fold(key))) folded.set(fold(key), { key, via: "canonical" });
}

/**
 * Resolves any accepted spelling (canonical `crs` name, RetouchIQ short name, old un-suffixed key,
 * known third-party key) to its canonical key and says how it matched. An exact canonical name always
 * wins; otherwise matching ignores case, `_`, `-` and spaces.
 */
export function lookupParamKey(name: string): ParamKeyMatch | undefined {
  const trimmed = name.trim();
  if (isParamKey(trimmed)) return { key: trimmed, via: "canonical" };
  return exact.get(trimmed) ?? folded.get(fold(trimmed));
}

/** Canonical key for any accepted spelling, or `undefined` for an unknown name. */
export function resolveParamKey(name: string): ParamKey | undefined {
  return lookupParamKey(name)?.key;
}

/** The RetouchIQ short name for a canonical key (`Exposure2012` → `exposure`), if it has one. */
export function shortNameFor(key: ParamKey): string | undefined {
  return preferredAlias.get(key);
}
