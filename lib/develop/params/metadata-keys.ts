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
  /^(Crop[A-Z]\w*|Lens\w*|Defringe\w*|Perspective\w*|Upright\w*|AutoLateralCA|AutoWhiteVersion|ChromaticAberration\w*|VignetteAmount|VignetteMidpoint|LuminanceNoiseReduction\w*|ColorNoiseReduction\w+|GrainSeed|Brightness|FillLight|HighlightRecovery|AutoBrightness|AutoContrast|AutoExposure|AutoShadows|ShadowsSmoothness|RetouchInfo|RetouchAreas|RedEyeInfo|PaintBasedCorrections|GradientBasedCorrections|CircularGradientBasedCorrections|HDREditMode|PointColors|ColorVariance|HDRMaxValue|SDRBrightness|SDRContrast|SDRClarity|SDRHighlights|SDRShadows|SDRWhites|SDRBlend|CurveRefineSaturation|EnableCalibration|EnableColorAdjustments|EnableDetail|EnableEffects|EnableGrayscaleMix|EnableLensCorrections|EnableRedEye|EnableRetouch|EnableSplitToning|EnableToneCurve|EnableTransform|EnableMaskGroupBasedCorrections|EnableGradientBasedCorrections|EnableCircularGradientBasedCorrections|EnablePaintBasedCorrections)$/;

/** Whether `name` is a real Lightroom setting this engine keeps out of `DevelopParams` and does not render. */
export function isUnsupportedSettingKey(name: string): boolean {
  return UNSUPPORTED_PATTERN.test(name);
}

/** Whether a raw value of an unsupported setting leaves the image unchanged (0, False, empty). */
export function isNeutralRawValue(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== "string") return false;
  const v = value.trim().toLowerCase();
  return v === "" || v === "false" || v === "true" || /^[+-]?0+(\.0+)?$/.test(v);
}
