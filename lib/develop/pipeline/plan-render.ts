// Straight from the modules, not the params index: the browser's preview worker renders without
// loading what only validation needs (zod, the XMP parser).
import { isDefaultValue } from "../params/canonical";
import type { Correction, CorrectionMask } from "../params/corrections";
import type { DevelopParams } from "../params/develop-params";
import { isPointColorActive } from "../params/point-colors";
import { HSL_BANDS, PARAM_KEYS, PARAM_SPECS } from "../params/specs";
import type { ParamSpec } from "../params/types";
import type { DenoiseOptions } from "./denoise";
import type { GlobalSettings } from "./global-settings";
import type { GrainOptions } from "./grain";
import type { SharpenOptions } from "./sharpen";
import type { ToneOptions } from "./tone";
import type { VignetteOptions } from "./vignette";
import { absoluteToRelativeWhiteBalance, FALLBACK_AS_SHOT } from "./white-balance";

/** A parameter the engine did not render, and why. */
export type NotRendered = { key: string; reason: string };

/** A local correction ready to render: its mask components and its sliders in engine units. */
export type PlannedCorrection = {
  index: number;
  amount: number;
  masks: CorrectionMask[];
  exposure: number;
  tone: ToneOptions;
  saturation: number;
  hue: number;
  temperature: number;
  tint: number;
  clarity: number;
  texture: number;
  dehaze: number;
  sharpness: number;
};

/** Everything a render needs, derived from `DevelopParams` once. */
export type RenderPlan = {
  global: GlobalSettings;
  presence: { texture: number; clarity: number; dehaze: number };
  denoise: DenoiseOptions | null;
  corrections: PlannedCorrection[];
  vignette: VignetteOptions | null;
  grain: Omit<GrainOptions, "seed"> | null;
  sharpen: SharpenOptions | null;
  /** Non-default keys that are rendered. */
  applied: string[];
  notRendered: NotRendered[];
  /** Rendered keys whose meaning had to be guessed (e.g. absolute WB with an unknown as-shot). */
  approximated: NotRendered[];
};

/** What is known about the source beyond the params (e.g. from a trajectory's metadata). */
export type RenderContext = {
  /** As-shot white balance of a raw source; `AsShotTemperature`/`AsShotTint` in the params win. */
  asShot?: { temperature: number; tint?: number };
};

/** Keys that are labels or context only: their value is carried by other keys. */
const LABEL_KEYS = new Set(["WhiteBalance", "ToneCurveName2012", "AsShotTemperature", "AsShotTint"]);

/**
 * White balance in relative units. Lightroom's semantics: rendered files (JPEG/PNG/TIFF) use the
 * relative −100…+100 `IncrementalTemperature/Tint`; raw sources use absolute Kelvin/Tint measured
 * from the as-shot values (from the params, else `context.asShot`). `WhiteBalance="As Shot"` means
 * no absolute shift. Fallback when an absolute value comes without a known as-shot: 5500 K / 0,
 * reported in `approximated`.
 */
function planWhiteBalance(
  params: DevelopParams,
  context: RenderContext,
  approximated: NotRendered[],
): { temperature: number; tint: number } {
  let temperature = numberOf(params, "IncrementalTemperature");
  let tint = numberOf(params, "IncrementalTint");
  const hasAbsolute = typeof params.Temperature === "number" || typeof params.Tint === "number";
  if (hasAbsolute && params.WhiteBalance !== "As Shot") {
    const shotK = typeof params.AsShotTemperature === "number" ? params.AsShotTemperature : context.asShot?.temperature;
    const shotTint =
      typeof params.AsShotTint === "number" ? params.AsShotTint : (context.asShot?.tint ?? (shotK !== undefined ? 0 : undefined));
    const asShot = { kelvin: shotK ?? FALLBACK_AS_SHOT.kelvin, tint: shotTint ?? FALLBACK_AS_SHOT.tint };
    const kelvin = typeof params.Temperature === "number" ? params.Temperature : asShot.kelvin;
    const abs = absoluteToRelativeWhiteBalance({ kelvin, tint: typeof params.Tint === "number" ? params.Tint : asShot.tint, asShot });
    temperature += abs.temperature;
    tint += abs.tint;
    if (shotK === undefined && (abs.temperature !== 0 || abs.tint !== 0)) {
      approximated.push({
        key: "Temperature",
        reason: `absolute white balance without an as-shot value: measured from ${FALLBACK_AS_SHOT.kelvin} K / tint ${FALLBACK_AS_SHOT.tint} (fallback); pass AsShotTemperature/AsShotTint`,
      });
    }
  }
  return { temperature: Math.max(-200, Math.min(200, temperature)), tint: Math.max(-200, Math.min(200, tint)) };
}

function numberOf(params: DevelopParams, key: keyof DevelopParams): number {
  const v = params[key];
  if (typeof v === "number") return v;
  const spec = PARAM_SPECS[key as keyof typeof PARAM_SPECS] as ParamSpec | undefined;
  return spec?.kind === "number" ? spec.default : 0;
}

/** Whether a mask component can be rendered, else why not. */
function unsupportedMaskReason(mask: CorrectionMask): string | null {
  switch (mask.What) {
    case "Mask/Gradient":
    case "Mask/CircularGradient":
      return null;
    case "Mask/RangeMask": {
      const range = (mask as { CorrectionRangeMask?: { Type?: number; LumRange?: unknown; ColorSamples?: unknown[] } }).CorrectionRangeMask;
      if (range?.Type === 2 && range.LumRange) return null;
      if (range?.Type === 1 && range.ColorSamples?.length) return null;
      return range?.Type === 3 ? "depth range masks need a depth map" : "range mask without LumRange / ColorSamples";
    }
    case "Mask/Image":
      return "AI masks (subject / sky / person / object) need a segmentation model the engine does not have";
    case "Mask/Paint":
      return "brush (paint) masks are not rendered";
    case "Mask/Polygon":
      return "polygon masks are not rendered";
    default:
      return `unknown mask kind ${String(mask.What)}`;
  }
}

function planCorrection(c: Correction, index: number, notRendered: NotRendered[]): PlannedCorrection | null {
  if (c.CorrectionActive === false || c.CorrectionAmount === 0) return null;
  const base = `MaskGroupBasedCorrections[${index}]`;
  const reasons = c.CorrectionMasks.map((m, j) => [j, unsupportedMaskReason(m)] as const).filter(([, r]) => r);
  if (reasons.length > 0) {
    for (const [j, reason] of reasons) notRendered.push({ key: `${base}.CorrectionMasks[${j}]`, reason: reason! });
    notRendered.push({ key: base, reason: "correction skipped: one of its masks cannot be rendered" });
    return null;
  }
  if (c.CorrectionMasks.length === 0) {
    notRendered.push({ key: base, reason: "correction has no mask" });
    return null;
  }
  if (c.LocalLuminanceNoise) notRendered.push({ key: `${base}.LocalLuminanceNoise`, reason: "noise reduction is not rendered" });
  const v = (k: keyof Correction) => (typeof c[k] === "number" ? (c[k] as number) : 0);
  return {
    index,
    amount: c.CorrectionAmount ?? 1,
    masks: c.CorrectionMasks,
    exposure: v("LocalExposure2012") * 4,
    tone: {
      contrast: v("LocalContrast2012") * 100,
      highlights: v("LocalHighlights2012") * 100,
      shadows: v("LocalShadows2012") * 100,
      whites: v("LocalWhites2012") * 100,
      blacks: v("LocalBlacks2012") * 100,
    },
    saturation: v("LocalSaturation") * 100,
    hue: v("LocalHue") * 100,
    temperature: v("LocalTemperature") * 100,
    tint: v("LocalTint") * 100,
    clarity: v("LocalClarity2012") * 100,
    texture: v("LocalTexture") * 100,
    dehaze: v("LocalDehaze") * 100,
    sharpness: v("LocalSharpness") * 100,
  };
}

/**
 * Maps Lightroom-named parameters onto the engine's stage options, skipping stages whose
 * parameters are neutral, and lists what was applied and what was not rendered (never silently
 * ignored). White balance: see {@link planWhiteBalance}.
 */
export function planRender(params: DevelopParams, context: RenderContext = {}): RenderPlan {
  const n = (k: keyof DevelopParams) => numberOf(params, k);
  const applied: string[] = [];
  const notRendered: NotRendered[] = [];
  for (const key of PARAM_KEYS) {
    if (LABEL_KEYS.has(key) || isDefaultValue(key, params[key])) continue;
    const spec: ParamSpec = PARAM_SPECS[key];
    if (spec.rendered) applied.push(key);
    else notRendered.push({ key, reason: `${spec.group} is not rendered by the engine` });
  }
  const approximated: NotRendered[] = [];
  const { temperature, tint } = planWhiteBalance(params, context, approximated);
  const band = (prefix: string) => HSL_BANDS.map((b) => n(`${prefix}${b}` as keyof DevelopParams));
  const nonZero = (xs: number[]) => xs.some((x) => x !== 0);
  const hsl = { hue: band("HueAdjustment"), saturation: band("SaturationAdjustment"), luminance: band("LuminanceAdjustment") };
  const curve = (k: keyof DevelopParams) => (isDefaultValue(k as never, params[k]) ? undefined : (params[k] as [number, number][]));
  const curves = {
    parametric: {
      shadows: n("ParametricShadows"),
      darks: n("ParametricDarks"),
      lights: n("ParametricLights"),
      highlights: n("ParametricHighlights"),
      shadowSplit: n("ParametricShadowSplit"),
      midtoneSplit: n("ParametricMidtoneSplit"),
      highlightSplit: n("ParametricHighlightSplit"),
    },
    master: curve("ToneCurvePV2012"),
    red: curve("ToneCurvePV2012Red"),
    green: curve("ToneCurvePV2012Green"),
    blue: curve("ToneCurvePV2012Blue"),
  };
  const grading = {
    shadows: { hue: n("SplitToningShadowHue"), saturation: n("SplitToningShadowSaturation"), luminance: n("ColorGradeShadowLum") },
    midtones: { hue: n("ColorGradeMidtoneHue"), saturation: n("ColorGradeMidtoneSat"), luminance: n("ColorGradeMidtoneLum") },
    highlights: {
      hue: n("SplitToningHighlightHue"),
      saturation: n("SplitToningHighlightSaturation"),
      luminance: n("ColorGradeHighlightLum"),
    },
    global: { hue: n("ColorGradeGlobalHue"), saturation: n("ColorGradeGlobalSat"), luminance: n("ColorGradeGlobalLum") },
    balance: n("SplitToningBalance"),
    blending: n("ColorGradeBlending"),
  };
  const swatches = (params.PointColors ?? []).filter(isPointColorActive);
  if (swatches.length > 0) applied.push("PointColors");
  const gradingActive = [grading.shadows, grading.midtones, grading.highlights, grading.global].some((w) => w.saturation || w.luminance);
  const global: GlobalSettings = {
    whiteBalance: temperature || tint ? { temperature, tint } : null,
    exposure: n("Exposure2012"),
    tone: {
      contrast: n("Contrast2012"),
      highlights: n("Highlights2012"),
      shadows: n("Shadows2012"),
      whites: n("Whites2012"),
      blacks: n("Blacks2012"),
    },
    toneRegions: Boolean(n("Highlights2012") || n("Shadows2012")),
    curves,
    hsl: nonZero([...hsl.hue, ...hsl.saturation, ...hsl.luminance]) ? hsl : null,
    pointColor: swatches.length > 0 ? { swatches } : null,
    colorGrading: gradingActive ? grading : null,
    vibranceSaturation: n("Vibrance") || n("Saturation") ? { vibrance: n("Vibrance"), saturation: n("Saturation") } : null,
    grayscale: params.ConvertToGrayscale === true ? { mixer: band("GrayMixer") } : null,
  };
  const corrections = (params.MaskGroupBasedCorrections ?? []).flatMap((c, i) => planCorrection(c, i, notRendered) ?? []);
  if (corrections.length > 0) applied.push("MaskGroupBasedCorrections");
  return {
    global,
    presence: { texture: n("Texture"), clarity: n("Clarity2012"), dehaze: n("Dehaze") },
    denoise:
      n("LuminanceSmoothing") || n("ColorNoiseReduction") ? { luminance: n("LuminanceSmoothing"), color: n("ColorNoiseReduction") } : null,
    corrections,
    vignette: n("PostCropVignetteAmount")
      ? {
          amount: n("PostCropVignetteAmount"),
          midpoint: n("PostCropVignetteMidpoint"),
          feather: n("PostCropVignetteFeather"),
          roundness: n("PostCropVignetteRoundness"),
          style: n("PostCropVignetteStyle"),
          highlightContrast: n("PostCropVignetteHighlightContrast"),
        }
      : null,
    grain: n("GrainAmount") ? { amount: n("GrainAmount"), size: n("GrainSize"), frequency: n("GrainFrequency") } : null,
    sharpen:
      n("Sharpness") || corrections.some((c) => c.sharpness)
        ? { amount: n("Sharpness"), radius: n("SharpenRadius"), detail: n("SharpenDetail"), edgeMasking: n("SharpenEdgeMasking") }
        : null,
    applied,
    notRendered,
    approximated,
  };
}

/** Whether any stage after the global ones is active (they need the float image). */
export function hasSpatialStages(plan: RenderPlan): boolean {
  const p = plan.presence;
  return Boolean(
    plan.denoise || p.texture || p.clarity || p.dehaze || plan.corrections.length || plan.vignette || plan.grain || plan.sharpen,
  );
}
