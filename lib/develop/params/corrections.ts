// Local corrections in Lightroom 11+ form (`crs:MaskGroupBasedCorrections`), per ExifTool's
// `%sCorrection` / `%sCorrectionMask` structures and real exports (see README.md). Local slider
// values are stored normalised: LocalExposure2012 = EV / 4, every other slider = UI value / 100.

/** A stored-value range for one numeric field of a correction or mask. */
export type LocalFieldSpec = {
  min: number;
  max: number;
  default: number;
  /** UI value = stored value × scale (4 for LocalExposure2012, 100 for the other sliders). */
  scale: number;
  description: string;
};

function slider(description: string, scale = 100): LocalFieldSpec {
  return { min: -1, max: 1, default: 0, scale, description };
}

/** The local sliders a correction may carry, with their stored ranges. */
export const LOCAL_PARAM_SPECS = {
  LocalExposure2012: slider("Exposure (stored as EV / 4)", 4),
  LocalContrast2012: slider("Contrast"),
  LocalHighlights2012: slider("Highlights"),
  LocalShadows2012: slider("Shadows"),
  LocalWhites2012: slider("Whites"),
  LocalBlacks2012: slider("Blacks"),
  LocalClarity2012: slider("Clarity"),
  LocalTexture: slider("Texture"),
  LocalDehaze: slider("Dehaze"),
  LocalSaturation: slider("Saturation"),
  LocalHue: slider("Hue shift"),
  LocalTemperature: slider("Temperature; positive warmer"),
  LocalTint: slider("Tint; positive more magenta"),
  LocalSharpness: slider("Sharpness"),
  LocalLuminanceNoise: slider("Noise reduction"),
} as const satisfies Record<string, LocalFieldSpec>;

export type LocalParamKey = keyof typeof LOCAL_PARAM_SPECS;
export const LOCAL_PARAM_KEYS = Object.keys(LOCAL_PARAM_SPECS) as LocalParamKey[];

/** Numeric fields of the correction itself (not its sliders). */
export const CORRECTION_FIELD_SPECS = {
  CorrectionAmount: { min: 0, max: 1, default: 1, scale: 100, description: "Strength of the whole correction" },
} as const satisfies Record<string, LocalFieldSpec>;

/** Fields every mask shares. */
export const MASK_COMMON_FIELD_SPECS = {
  MaskValue: { min: 0, max: 1, default: 1, scale: 100, description: "Opacity of this mask component" },
} as const satisfies Record<string, LocalFieldSpec>;

const unit = (description: string): LocalFieldSpec => ({ min: 0, max: 1, default: 0, scale: 1, description });
// Gradient end points may lie outside the frame, so they are not clamped to 0–1.
const coord = (description: string): LocalFieldSpec => ({ min: -10, max: 11, default: 0, scale: 1, description });

/** Numeric fields per mask kind (`What`), stored ranges. Coordinates are fractions of the image. */
export const MASK_FIELD_SPECS = {
  "Mask/Gradient": {
    ZeroX: coord("x where the gradient has no effect"),
    ZeroY: coord("y where the gradient has no effect"),
    FullX: coord("x where the gradient has full effect"),
    FullY: coord("y where the gradient has full effect"),
  },
  "Mask/CircularGradient": {
    Top: coord("ellipse bounding box top"),
    Left: coord("ellipse bounding box left"),
    Bottom: coord("ellipse bounding box bottom"),
    Right: coord("ellipse bounding box right"),
    Angle: { min: -360, max: 360, default: 0, scale: 1, description: "rotation in degrees" },
    Midpoint: { ...unit("midpoint of the falloff"), default: 0.5 },
    Feather: { ...unit("width of the falloff"), default: 0.5 },
    Roundness: { min: -1, max: 1, default: 0, scale: 100, description: "roundness" },
  },
  "Mask/Image": {
    MaskSubType: { min: 0, max: 3, default: 1, scale: 1, description: "0 object, 1 subject, 2 sky, 3 person" },
  },
  "Mask/RangeMask": {},
  "Mask/Paint": {},
  "Mask/Polygon": {},
} as const satisfies Record<string, Record<string, LocalFieldSpec>>;

export type KnownMaskKind = keyof typeof MASK_FIELD_SPECS;
export const KNOWN_MASK_KINDS = Object.keys(MASK_FIELD_SPECS) as KnownMaskKind[];

/** `MaskSubType` of an AI (`Mask/Image`) mask. */
export const MASK_SUBTYPES = { object: 0, subject: 1, sky: 2, person: 3 } as const;

/** `MaskSubCategoryID` of a person mask part. */
export const MASK_SUBCATEGORIES = {
  faceSkin: 2,
  irisPupil: 3,
  hair: 5,
  sclera: 8,
  eyebrows: 9,
  clothes: 11,
  teeth: 12,
} as const;

/** `CorrectionRangeMask.Type`. */
export const RANGE_MASK_TYPES = { color: 1, luminance: 2, depth: 3 } as const;

// The zod schemas of corrections and masks (and the types inferred from them) live in
// correction-schemas.ts, so code that only renders (the browser's preview worker) does not load zod.
export type {
  GradientMask,
  CircularGradientMask,
  RangeMask,
  RangeMaskComponent,
  ImageMask,
  PaintMask,
  PolygonMask,
  CorrectionMask,
  Correction,
} from "./correction-schemas";
