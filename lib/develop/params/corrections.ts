import { z } from "zod";

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

const unitNumber = z.number().min(0).max(1);
const blendMode = z.union([z.literal(0), z.literal(1)]).describe("0 add to the previous masks, 1 intersect with them");

const maskCommon = {
  MaskValue: unitNumber.optional().describe("@default 1"),
  MaskBlendMode: blendMode.optional().describe("@default 0"),
  MaskInverted: z.boolean().optional().describe("@default false"),
};

/** Linear gradient: no effect at (ZeroX, ZeroY), full effect at (FullX, FullY). */
export const gradientMaskSchema = z.looseObject({
  What: z.literal("Mask/Gradient"),
  ...maskCommon,
  ZeroX: z.number(),
  ZeroY: z.number(),
  FullX: z.number(),
  FullY: z.number(),
});

/** Radial gradient inside the ellipse box; `Flipped` true means the effect is outside (Lightroom's default is inside). */
export const circularGradientMaskSchema = z.looseObject({
  What: z.literal("Mask/CircularGradient"),
  ...maskCommon,
  Top: z.number(),
  Left: z.number(),
  Bottom: z.number(),
  Right: z.number(),
  Angle: z.number().optional(),
  Midpoint: unitNumber.optional(),
  Feather: unitNumber.optional(),
  Roundness: z.number().min(-1).max(1).optional(),
  Flipped: z.boolean().optional(),
});

/**
 * A colour sample of a colour range mask. Our own documented shape (Lightroom stores an opaque
 * `ColorSampleInfo` string, kept verbatim when present): the point sampled (fractions of the image)
 * and optionally the sampled colour as sRGB 0–1, which lets a renderer skip re-sampling.
 */
export const colorSampleSchema = z.looseObject({
  X: z.number(),
  Y: z.number(),
  R: unitNumber.optional(),
  G: unitNumber.optional(),
  B: unitNumber.optional(),
});

/**
 * Range refinement. Luminance: `LumRange` = [lo, loFull, hiFull, hi] on 0–1 — the weight ramps 0→1
 * over lo..loFull, is 1 over loFull..hiFull and ramps 1→0 over hiFull..hi. Colour: `ColorSamples`
 * plus `ColorAmount` (0 tight … 1 loose, @default 0.5).
 */
export const rangeMaskSchema = z.looseObject({
  Type: z.union([z.literal(1), z.literal(2), z.literal(3)]).describe("1 colour, 2 luminance, 3 depth"),
  LumRange: z.tuple([unitNumber, unitNumber, unitNumber, unitNumber]).optional(),
  ColorAmount: unitNumber.optional(),
  ColorSamples: z.array(colorSampleSchema).optional(),
  Invert: z.boolean().optional(),
});

/** Luminance / colour / depth range mask. */
export const rangeMaskComponentSchema = z.looseObject({
  What: z.literal("Mask/RangeMask"),
  ...maskCommon,
  CorrectionRangeMask: rangeMaskSchema,
});

/** AI mask: subject, sky, object or person part. */
export const imageMaskSchema = z.looseObject({
  What: z.literal("Mask/Image"),
  ...maskCommon,
  MaskSubType: z.number().int().min(0).max(3),
  MaskSubCategoryID: z.number().int().optional(),
  MaskName: z.string().optional(),
});

/** Brush strokes; Lightroom's dab data is kept as-is (not rendered). */
export const paintMaskSchema = z.looseObject({ What: z.literal("Mask/Paint"), ...maskCommon });

/** Polygon (JarvisArt's box regions become these); `Points` are fractions of the image. */
export const polygonMaskSchema = z.looseObject({
  What: z.literal("Mask/Polygon"),
  ...maskCommon,
  Points: z.array(z.looseObject({ X: z.number(), Y: z.number() })).optional(),
});

/** A mask kind this engine does not know; kept as data so it round-trips. */
export const otherMaskSchema = z.looseObject({ What: z.string(), ...maskCommon });

const knownMaskSchemas = [
  gradientMaskSchema,
  circularGradientMaskSchema,
  rangeMaskComponentSchema,
  imageMaskSchema,
  paintMaskSchema,
  polygonMaskSchema,
] as const;

/** One component of a correction's mask. Components combine in order by `MaskBlendMode`. */
export const correctionMaskSchema = z.union([...knownMaskSchemas, otherMaskSchema]);

const localSliders = Object.fromEntries(
  LOCAL_PARAM_KEYS.map((k) => [k, z.number().min(LOCAL_PARAM_SPECS[k].min).max(LOCAL_PARAM_SPECS[k].max).optional()]),
) as { [K in LocalParamKey]: z.ZodOptional<z.ZodNumber> };

/** One local correction: a mask plus the sliders applied through it. */
export const correctionSchema = z.looseObject({
  CorrectionName: z.string().optional(),
  CorrectionActive: z.boolean().optional().describe("@default true"),
  CorrectionAmount: unitNumber.optional().describe("@default 1"),
  ...localSliders,
  CorrectionMasks: z.array(correctionMaskSchema),
});

/** The `MaskGroupBasedCorrections` value. */
export const correctionsSchema = z.array(correctionSchema);

export type GradientMask = z.infer<typeof gradientMaskSchema>;
export type CircularGradientMask = z.infer<typeof circularGradientMaskSchema>;
export type RangeMask = z.infer<typeof rangeMaskSchema>;
export type RangeMaskComponent = z.infer<typeof rangeMaskComponentSchema>;
export type ImageMask = z.infer<typeof imageMaskSchema>;
export type PaintMask = z.infer<typeof paintMaskSchema>;
export type PolygonMask = z.infer<typeof polygonMaskSchema>;
export type CorrectionMask = z.infer<typeof correctionMaskSchema>;
export type Correction = z.infer<typeof correctionSchema>;
