import type { BooleanSpec, CurveSpec, EnumSpec, NumberSpec, ParamGroup, ToneCurve } from "./types";

// Sources: key names from ExifTool's `%Image::ExifTool::XMP::crs` table; ranges from Lightroom
// Classic's panels; defaults from real exports (see README.md and /work/shared/DEVELOP-PARAMS.md).
// Rows marked `unverified` have no public export backing them.

type NumberOptions = {
  min: number;
  max: number;
  default?: number;
  decimals?: number;
  signed?: boolean;
  rendered?: boolean;
  unverified?: boolean;
};

function num(group: ParamGroup, description: string, o: NumberOptions): NumberSpec {
  return {
    kind: "number",
    group,
    description,
    min: o.min,
    max: o.max,
    default: o.default ?? 0,
    decimals: o.decimals ?? 0,
    signed: o.signed ?? o.min < 0,
    rendered: o.rendered ?? true,
    ...(o.unverified ? { unverified: true } : {}),
  };
}

/** A ±100 slider defaulting to 0, the commonest shape in the table. */
function pm100(group: ParamGroup, description: string, extra: Partial<NumberOptions> = {}): NumberSpec {
  return num(group, description, { min: -100, max: 100, ...extra });
}

const IDENTITY_CURVE: ToneCurve = [
  [0, 0],
  [255, 255],
];

function curve(description: string): CurveSpec {
  return { kind: "curve", group: "pointCurve", description, default: IDENTITY_CURVE, rendered: true };
}

/** The eight hue bands of the HSL and B&W panels, in Lightroom's order. */
export const HSL_BANDS = ["Red", "Orange", "Yellow", "Green", "Aqua", "Blue", "Purple", "Magenta"] as const;
export type HslBand = (typeof HSL_BANDS)[number];

function bands<P extends string>(prefix: P, group: ParamGroup, what: string): Record<`${P}${HslBand}`, NumberSpec> {
  const out = {} as Record<`${P}${HslBand}`, NumberSpec>;
  for (const band of HSL_BANDS) out[`${prefix}${band}`] = pm100(group, `${what} of the ${band.toLowerCase()} band`);
  return out;
}

const WHITE_BALANCE: EnumSpec = {
  kind: "enum",
  group: "whiteBalance",
  description: "White balance preset; only a label here, the values live in Temperature/Tint",
  values: ["As Shot", "Auto", "Custom", "Daylight", "Cloudy", "Shade", "Tungsten", "Fluorescent", "Flash"],
  default: "As Shot",
  open: false,
  rendered: true,
};

const TONE_CURVE_NAME: EnumSpec = {
  kind: "enum",
  group: "pointCurve",
  description: "Name of the point curve preset; a label only, the points are in ToneCurvePV2012",
  values: ["Linear", "Medium Contrast", "Strong Contrast", "Custom"],
  default: "Linear",
  open: true,
  rendered: true,
};

const CONVERT_TO_GRAYSCALE: BooleanSpec = {
  kind: "boolean",
  group: "blackWhite",
  description: "Black & white treatment (GrayMixer* weights apply)",
  default: false,
  rendered: true,
};

/**
 * The develop-parameter table, keyed by Lightroom `crs` names. Every key a `DevelopParams` object
 * may hold is here; aliases (`exposure`, old un-suffixed keys) resolve onto these names.
 */
export const PARAM_SPECS = {
  // White balance. Temperature/Tint are the raw-file (Kelvin) form; rendered images use the
  // Incremental* keys, which is what our mostly non-raw inputs need.
  WhiteBalance: WHITE_BALANCE,
  Temperature: num("whiteBalance", "White balance temperature in Kelvin (raw files)", { min: 2000, max: 50000, default: 5500 }),
  Tint: num("whiteBalance", "White balance tint (raw files); negative greener, positive more magenta", { min: -150, max: 150 }),
  // The as-shot white balance of a raw source (Camera Raw writes it beside Temperature/Tint): the
  // reference absolute Temperature/Tint are measured from. Context, not an edit.
  AsShotTemperature: num("whiteBalance", "As-shot white balance temperature in Kelvin (raw files; reference of Temperature)", {
    min: 2000,
    max: 50000,
    default: 5500,
  }),
  AsShotTint: num("whiteBalance", "As-shot white balance tint (raw files; reference of Tint)", { min: -150, max: 150 }),
  IncrementalTemperature: pm100("whiteBalance", "Relative temperature for rendered images; positive warmer"),
  IncrementalTint: pm100("whiteBalance", "Relative tint for rendered images; negative greener, positive more magenta"),

  // Basic tone.
  Exposure2012: num("tone", "Exposure in EV", { min: -5, max: 5, decimals: 2 }),
  Contrast2012: pm100("tone", "Contrast (S-curve around mid-grey)"),
  Highlights2012: pm100("tone", "Highlight recovery / boost"),
  Shadows2012: pm100("tone", "Shadow lift / deepen"),
  Whites2012: pm100("tone", "White point"),
  Blacks2012: pm100("tone", "Black point"),

  // Presence.
  Texture: pm100("presence", "Medium-frequency detail"),
  Clarity2012: pm100("presence", "Local (mid-tone) contrast"),
  Dehaze: pm100("presence", "Haze removal; negative adds haze"),
  Vibrance: pm100("color", "Saturation weighted toward less-saturated colours"),
  Saturation: pm100("color", "Uniform saturation"),

  // Parametric curve.
  ParametricShadows: pm100("parametricCurve", "Parametric curve: shadows region"),
  ParametricDarks: pm100("parametricCurve", "Parametric curve: darks region"),
  ParametricLights: pm100("parametricCurve", "Parametric curve: lights region"),
  ParametricHighlights: pm100("parametricCurve", "Parametric curve: highlights region"),
  ParametricShadowSplit: num("parametricCurve", "Split between shadows and darks", { min: 10, max: 50, default: 25 }),
  ParametricMidtoneSplit: num("parametricCurve", "Split between darks and lights", { min: 25, max: 75, default: 50 }),
  ParametricHighlightSplit: num("parametricCurve", "Split between lights and highlights", { min: 50, max: 90, default: 75 }),

  // Point curves.
  ToneCurveName2012: TONE_CURVE_NAME,
  ToneCurvePV2012: curve("Master (RGB) point curve"),
  ToneCurvePV2012Red: curve("Red channel point curve"),
  ToneCurvePV2012Green: curve("Green channel point curve"),
  ToneCurvePV2012Blue: curve("Blue channel point curve"),

  // HSL.
  ...bands("HueAdjustment", "hsl", "Hue shift"),
  ...bands("SaturationAdjustment", "hsl", "Saturation"),
  ...bands("LuminanceAdjustment", "hsl", "Luminance"),

  // Colour grading. Shadow/highlight hue+saturation live in the SplitToning* keys; Lightroom has
  // no ColorGradeShadowHue key.
  SplitToningShadowHue: num("colorGrading", "Shadows wheel hue (degrees)", { min: 0, max: 359 }),
  SplitToningShadowSaturation: num("colorGrading", "Shadows wheel saturation", { min: 0, max: 100 }),
  SplitToningHighlightHue: num("colorGrading", "Highlights wheel hue (degrees)", { min: 0, max: 359 }),
  SplitToningHighlightSaturation: num("colorGrading", "Highlights wheel saturation", { min: 0, max: 100 }),
  SplitToningBalance: pm100("colorGrading", "Balance between the shadow and highlight wheels"),
  ColorGradeMidtoneHue: num("colorGrading", "Midtones wheel hue (degrees)", { min: 0, max: 359 }),
  ColorGradeMidtoneSat: num("colorGrading", "Midtones wheel saturation", { min: 0, max: 100 }),
  ColorGradeGlobalHue: num("colorGrading", "Global wheel hue (degrees)", { min: 0, max: 359 }),
  ColorGradeGlobalSat: num("colorGrading", "Global wheel saturation", { min: 0, max: 100 }),
  ColorGradeShadowLum: pm100("colorGrading", "Shadows wheel luminance"),
  ColorGradeMidtoneLum: pm100("colorGrading", "Midtones wheel luminance"),
  ColorGradeHighlightLum: pm100("colorGrading", "Highlights wheel luminance"),
  ColorGradeGlobalLum: pm100("colorGrading", "Global wheel luminance"),
  ColorGradeBlending: num("colorGrading", "Overlap of the shadow/midtone/highlight ranges", { min: 0, max: 100, default: 50 }),

  // Black & white.
  ConvertToGrayscale: CONVERT_TO_GRAYSCALE,
  ...bands("GrayMixer", "blackWhite", "Grey level"),

  // Post-crop vignette.
  PostCropVignetteAmount: pm100("vignette", "Vignette amount; negative darkens the corners"),
  PostCropVignetteMidpoint: num("vignette", "Vignette midpoint", { min: 0, max: 100, default: 50 }),
  PostCropVignetteFeather: num("vignette", "Vignette feather", { min: 0, max: 100, default: 50 }),
  PostCropVignetteRoundness: pm100("vignette", "Vignette roundness"),
  PostCropVignetteStyle: num("vignette", "1 highlight priority, 2 colour priority, 3 paint overlay", { min: 1, max: 3, default: 1 }),
  PostCropVignetteHighlightContrast: num("vignette", "Highlight protection inside the vignette", { min: 0, max: 100 }),

  // Grain.
  GrainAmount: num("grain", "Grain amount", { min: 0, max: 100 }),
  GrainSize: num("grain", "Grain size", { min: 0, max: 100, default: 25, unverified: true }),
  GrainFrequency: num("grain", "Grain roughness (Lightroom's UI calls it Roughness)", { min: 0, max: 100, default: 50, unverified: true }),

  // Detail. Sharpness defaults to 40 for raw files; 0 is the rendered-image default (unverified).
  Sharpness: num("detail", "Sharpening amount", { min: 0, max: 150, unverified: true }),
  SharpenRadius: num("detail", "Sharpening radius in pixels", { min: 0.5, max: 3, default: 1, decimals: 1, signed: true }),
  SharpenDetail: num("detail", "Sharpening detail", { min: 0, max: 100, default: 25 }),
  SharpenEdgeMasking: num("detail", "Sharpening edge masking", { min: 0, max: 100 }),
  LuminanceSmoothing: num("detail", "Luminance noise reduction", { min: 0, max: 100 }),
  ColorNoiseReduction: num("detail", "Colour noise reduction (raw default 25)", { min: 0, max: 100 }),

  // Calibration: kept and written back, not rendered (no camera profile for rendered images).
  ShadowTint: pm100("calibration", "Calibration: shadow tint", { rendered: false }),
  RedHue: pm100("calibration", "Calibration: red primary hue", { rendered: false }),
  RedSaturation: pm100("calibration", "Calibration: red primary saturation", { rendered: false }),
  GreenHue: pm100("calibration", "Calibration: green primary hue", { rendered: false }),
  GreenSaturation: pm100("calibration", "Calibration: green primary saturation", { rendered: false }),
  BlueHue: pm100("calibration", "Calibration: blue primary hue", { rendered: false }),
  BlueSaturation: pm100("calibration", "Calibration: blue primary saturation", { rendered: false }),
} as const satisfies Record<string, NumberSpec | BooleanSpec | EnumSpec | CurveSpec>;

/** A canonical develop-parameter name (a Lightroom `crs` key). */
export type ParamKey = keyof typeof PARAM_SPECS;

/** Every canonical key, in table order (the canonical serialisation order). */
export const PARAM_KEYS = Object.keys(PARAM_SPECS) as ParamKey[];

/** Whether `name` is a canonical key (exact spelling). */
export function isParamKey(name: string): name is ParamKey {
  return Object.hasOwn(PARAM_SPECS, name);
}
