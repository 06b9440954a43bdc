import { z } from "zod";
import { LOCAL_PARAM_KEYS, LOCAL_PARAM_SPECS, type LocalParamKey } from "./corrections";

// Validation schemas of local corrections and their masks (field ranges in corrections.ts).

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
