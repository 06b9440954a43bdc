import { linearToSrgb, srgbToLinear } from "./color/srgb";
import type { DevelopParams } from "./params";
import { applyGlobalLut, applyGlobalLutToLinear } from "./pipeline/apply-lut3d";
import { assertImage8, decodeSrgb8, type Image8 } from "./pipeline/decode";
import { encodeToImage8 } from "./pipeline/encode";
import { bakeGlobalLut, type GlobalLut } from "./pipeline/lut3d";
import { hasSpatialStages, planRender, type NotRendered, type RenderContext } from "./pipeline/plan-render";
import { runGlobalStages } from "./pipeline/run-global";
import type { RowSelection } from "./pipeline/row-bands";
import { runSpatialStages } from "./pipeline/run-spatial";
import { toneRegionsFor, regionToneDelta, type ToneRegions } from "./pipeline/tone-regions";
import type { FloatImage } from "./pipeline/types";

/**
 * Version of the pixel output. Bump it whenever any change alters rendered bytes: render caches
 * key on it and the golden images in `golden/` must then be regenerated (see golden/README.md).
 */
export const ENGINE_VERSION = 6;

/** Render options. */
export type RenderOptions = {
  /** Seed of the grain generator; same seed → byte-identical output. @default 0 */
  seed?: number;
  /** Buffer to write the output into (width·height·channels bytes). */
  out?: Uint8Array;
  /** Run every stage in float, per pixel (no LUTs): the reference path. @default false */
  exact?: boolean;
  /** Cube size of the baked colour stages (3–65). @default 25 below 2.5 MP, 33 above */
  gridSize?: number;
  /** What is known about the source (as-shot white balance of a raw file). */
  context?: RenderContext;
  /**
   * Only write rows [start, end) of the output (into `out`): one stripe of a multi-threaded render;
   * or the bands a function hands out until it returns null, so threads claiming bands from one
   * shared counter balance the work (see pipeline/row-bands.ts). Tone regions are still computed from the
   * whole image, so stripes join seamlessly. Global edits only (spatial stages need their
   * neighbourhood): throws otherwise.
   */
  rows?: RowSelection;
  /**
   * The bake and/or tone regions of this render, computed beforehand ({@link prepareGlobalRender}):
   * stripes rendered on several threads share one bake and one guided filter instead of each
   * repeating them. They must come from the same params, options and image.
   */
  prepared?: Partial<PreparedRender>;
};

/** The parts of a LUT render that do not depend on the rows being rendered (plain typed arrays: postMessage-able). */
export type PreparedRender = { lut: GlobalLut; regions: ToneRegions | null };

/** What the render did with the parameters. */
export type RenderReport = {
  /** Non-default parameter keys that were rendered. */
  applied: string[];
  /** Parameters (or mask components) that were not rendered, with the reason. */
  notRendered: NotRendered[];
  /** Rendered keys whose meaning had to be guessed, and how (e.g. WB without as-shot values). */
  approximated: NotRendered[];
};

/** Output of {@link renderImage}. */
export type RenderResult = { image: Image8; report: RenderReport };

/**
 * Cube size used when none is given: 33 for full-size renders (best accuracy), 25 below 2.5 MP,
 * where the bake (≈ n³ evaluations of the colour stages) would otherwise dominate a preview.
 * Both keep the LUT within 2 codes of the float path for typical edits (lut3d.test.ts). When a
 * colour stage is extreme (`colorExtremity` ≥ 50: an HSL, grading, vibrance/saturation or B&W
 * mixer slider at half its range or more), colours vary faster than those grids near neutrals, so
 * the cube is refined to 49³ (≈ 4–8× the bake, still ≪ a 12 MP render): on the full-range set it
 * lifted the worst draws from 97.6 % / 99.5 % to ≥ 99.99 % within 2 codes.
 */
export function gridSizeFor(pixels: number, colorExtremity = 0): number {
  if (colorExtremity >= 50) return 49;
  return pixels > 2_500_000 ? 33 : 25;
}

/** The largest |slider| among the channel-mixing stages (0 when none is active). */
export function colorExtremity(settings: ReturnType<typeof planRender>["global"]): number {
  const values: number[] = [];
  if (settings.hsl)
    for (const xs of [settings.hsl.hue, settings.hsl.saturation, settings.hsl.luminance]) if (xs) values.push(...Array.from(xs));
  const g = settings.colorGrading;
  if (g) for (const w of [g.shadows, g.midtones, g.highlights, g.global]) if (w) values.push(w.saturation ?? 0, w.luminance ?? 0);
  if (settings.vibranceSaturation) values.push(settings.vibranceSaturation.vibrance ?? 0, settings.vibranceSaturation.saturation ?? 0);
  if (settings.grayscale?.mixer) values.push(...Array.from(settings.grayscale.mixer));
  // A swatch's selection has edges, so it counts double: shifts of ±25 already refine the cube.
  for (const p of settings.pointColor?.swatches ?? []) values.push(200 * p.HueShift, 200 * p.SatScale, 200 * p.LumScale, 200 * p.Variance);
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/**
 * Renders develop parameters onto an 8-bit sRGB image (3 or 4 channels; alpha is copied).
 *
 * Global stages (white balance … black & white) are baked into per-channel tables plus, when a
 * stage mixes channels, a packed 3D LUT over the 8-bit input; spatial stages (presence, local
 * corrections, vignette, grain, sharpening) then run on the linear float image. `exact: true` runs
 * every stage in float instead (the reference the LUT path is tested against).
 */
export function renderImage({
  image,
  params,
  options = {},
}: {
  image: Image8;
  params: DevelopParams;
  options?: RenderOptions;
}): RenderResult {
  assertImage8(image);
  const plan = planRender(params, options.context);
  const report = { applied: plan.applied, notRendered: plan.notRendered, approximated: plan.approximated };
  const seed = options.seed ?? 0;
  const spatial = hasSpatialStages(plan);
  if (options.exact && options.rows) throw new RangeError("rows (stripe rendering) is not supported on the exact path");
  if (options.exact) return { image: renderExactPixels({ image, plan, spatial, seed, out: options.out }), report };
  const lut = options.prepared?.lut ?? bakeLut(plan, image, options);
  const regions = options.prepared?.regions !== undefined ? options.prepared.regions : toneRegionsFor(image, plan.global);
  if (!spatial) return { image: applyGlobalLut({ image, lut, out: options.out, regions, rows: options.rows }), report };
  if (options.rows) throw new RangeError("rows (stripe rendering) is only supported for global edits");
  const linear = applyGlobalLutToLinear({ image, lut, regions });
  runSpatialStages({ image: linear, plan, seed });
  return { image: encodeToImage8({ image: linear, domain: "linear", channels: image.channels, alpha: image, out: options.out }), report };
}

function bakeLut(plan: ReturnType<typeof planRender>, size: { width: number; height: number }, options: RenderOptions): GlobalLut {
  return bakeGlobalLut({
    settings: plan.global,
    size: options.gridSize ?? gridSizeFor(size.width * size.height, colorExtremity(plan.global)),
  });
}

/**
 * Computes the bake (`part: "lut"`, needs only the image's size) or the tone regions (`"regions"`,
 * a guided filter over the whole image) of a LUT render, for {@link RenderOptions.prepared}: two
 * threads can compute one each, then both render their stripes with the pair.
 */
export function prepareGlobalRender({
  part,
  image,
  params,
  options = {},
}: {
  part: "lut" | "regions";
  image: Image8;
  params: DevelopParams;
  options?: RenderOptions;
}): Partial<PreparedRender> {
  const plan = planRender(params, options.context);
  return part === "lut" ? { lut: bakeLut(plan, image, options) } : { regions: toneRegionsFor(image, plan.global) };
}

/** The float reference path of {@link renderImage} (same as `options.exact = true`). */
export function renderExact({
  image,
  params,
  options = {},
}: {
  image: Image8;
  params: DevelopParams;
  options?: Omit<RenderOptions, "exact">;
}): RenderResult {
  return renderImage({ image, params, options: { ...options, exact: true } });
}

function renderExactPixels({
  image,
  plan,
  spatial,
  seed,
  out,
}: {
  image: Image8;
  plan: ReturnType<typeof planRender>;
  spatial: boolean;
  seed: number;
  out?: Uint8Array;
}): Image8 {
  const float: FloatImage = decodeSrgb8({ image });
  runGlobalStages({ image: float, settings: plan.global, toneDelta: regionToneDelta(image, plan.global) });
  const d = float.data;
  if (!spatial) return encodeToImage8({ image: float, domain: "display", channels: image.channels, alpha: image, out });
  for (let i = 0; i < d.length; i++) d[i] = srgbToLinear(Math.min(1, d[i]));
  runSpatialStages({ image: float, plan, seed });
  for (let i = 0; i < d.length; i++) d[i] = linearToSrgb(d[i]);
  return encodeToImage8({ image: float, domain: "display", channels: image.channels, alpha: image, out });
}
