// Lightroom keys that describe a file or preset rather than an edit. They are never rendered, so
// readers keep them quietly (the XMP reader returns them in `meta`) instead of reporting them.
const METADATA_KEYS = new Set([
  "Version",
  "ProcessVersion",
  "HasSettings",
  "AlreadyApplied",
  "HasCrop",
  "PresetType",
  "UUID",
  "Name",
  "ShortName",
  "SortName",
  "Group",
  "Description",
  "Cluster",
  "Copyright",
  "ContactInfo",
  "CameraModelRestriction",
  "RequiresRenditionBehavior",
  "Treatment",
  "Look",
  "CameraProfile",
  "CameraProfileDigest",
  "LookTable",
  "RawFileName",
  "OverrideLookVignette",
  "ToneMapStrength",
  "Stubbed",
  "Amount",
  "CorrectionSyncID",
]);

/** Whether `name` is known file/preset metadata (quietly kept, never rendered or reported). */
export function isMetadataKey(name: string): boolean {
  return METADATA_KEYS.has(name) || name.startsWith("Supports") || name.startsWith("Preset");
}

// Real Lightroom settings this engine does not render (geometry, lens, legacy local tools). A
// non-neutral value is reported as `not_rendered` so a user knows the render will differ.
const UNSUPPORTED_PATTERN =
  /^(Crop[A-Z]\w*|Lens\w*|Defringe\w*|Perspective\w*|Upright\w*|AutoLateralCA|AutoWhiteVersion|ChromaticAberration\w*|VignetteAmount|VignetteMidpoint|LuminanceNoiseReduction\w*|ColorNoiseReduction\w+|GrainSeed|Brightness|FillLight|HighlightRecovery|AutoBrightness|AutoContrast|AutoExposure|AutoShadows|ShadowsSmoothness|RetouchInfo|RetouchAreas|RedEyeInfo|PaintBasedCorrections|GradientBasedCorrections|CircularGradientBasedCorrections|HDREditMode|HDRMaxValue|SDRBrightness|SDRContrast|SDRClarity|SDRHighlights|SDRShadows|SDRWhites|SDRBlend|CurveRefineSaturation|EnableCalibration|EnableColorAdjustments|EnableDetail|EnableEffects|EnableGrayscaleMix|EnableLensCorrections|EnableRedEye|EnableRetouch|EnableSplitToning|EnableToneCurve|EnableTransform|EnableMaskGroupBasedCorrections|EnableGradientBasedCorrections|EnableCircularGradientBasedCorrections|EnablePaintBasedCorrections)$/;

/** Whether `name` is a real Lightroom setting this engine keeps out of `DevelopParams` and does not render. */
export function isUnsupportedSettingKey(name: string): boolean {
  return UNSUPPORTED_PATTERN.test(name);
}

/** Unsupported settings whose neutral value is not 0 (Lightroom's defaults for the noise-reduction sub-sliders). */
const NONZERO_DEFAULTS: Record<string, number> = {
  LuminanceNoiseReductionDetail: 50,
  ColorNoiseReductionDetail: 50,
  ColorNoiseReductionSmoothness: 50,
};

/** Why the engine does not render an unsupported setting, by family (shown to users in issues). */
const UNSUPPORTED_REASONS: [RegExp, string][] = [
  [/^Crop/, "crop and straighten are not applied: renders keep the source frame so before/after and pairs align pixel for pixel"],
  [
    /^(Lens|AutoLateralCA|ChromaticAberration|Defringe|VignetteAmount|VignetteMidpoint)/,
    "lens corrections need the lens profile database, which the engine does not have",
  ],
  [/^(Perspective|Upright)/, "geometry (Upright / perspective) is not applied: renders keep the source frame"],
  [
    /NoiseReduction(Detail|Contrast|Smoothness)$/,
    "noise-reduction Detail/Contrast/Smoothness refine Adobe's denoiser, which is not public; the engine's denoise has no such controls",
  ],
  [/^(RetouchInfo|RetouchAreas|RedEyeInfo)$/, "healing, clone and red-eye need source-area synthesis the engine does not have"],
  [
    /^(PaintBasedCorrections|GradientBasedCorrections|CircularGradientBasedCorrections)$/,
    "pre-Lightroom 11 local corrections: re-save in Lightroom 11+ (MaskGroupBasedCorrections) to render them",
  ],
  [/^(HDR|SDR)/, "HDR editing needs an HDR output, the engine renders 8-bit sRGB"],
];

/** The reason an unsupported setting is not rendered (see {@link isUnsupportedSettingKey}). */
export function unsupportedReason(name: string): string {
  return UNSUPPORTED_REASONS.find(([re]) => re.test(name))?.[1] ?? "a Lightroom setting this engine does not render";
}

/** Whether a raw value of an unsupported setting leaves the image unchanged (0, False, empty, its default). */
export function isNeutralRawValue(value: unknown, name?: string): boolean {
  if (name && name in NONZERO_DEFAULTS) return Number(value) === NONZERO_DEFAULTS[name];
  if (value === undefined || value === null || value === "" || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== "string") return false;
  const v = value.trim().toLowerCase();
  return v === "" || v === "false" || v === "true" || /^[+-]?0+(\.0+)?$/.test(v);
}
