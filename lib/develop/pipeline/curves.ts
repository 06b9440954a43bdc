import { monotoneCubic, naturalCubicSpline, type Interpolant } from "./spline";
import { assertRange, outputFor, type FloatImage } from "./types";

/** A point-curve control point `[input, output]` on 0–255 (Lightroom's curve grid). */
export type CurvePoints = ReadonlyArray<readonly [number, number]>;

/** Parametric (region) curve: four ±100 sliders and three splits in percent. */
export type ParametricCurveOptions = {
  /** @default 0 */ shadows?: number;
  /** @default 0 */ darks?: number;
  /** @default 0 */ lights?: number;
  /** @default 0 */ highlights?: number;
  /** Shadows/darks boundary, 10–50 %. @default 25 */ shadowSplit?: number;
  /** Darks/lights boundary, 25–75 %. @default 50 */ midtoneSplit?: number;
  /** Lights/highlights boundary, 50–90 %. @default 75 */ highlightSplit?: number;
};

/** Every curve of the Tone Curve panel; absent curves are the identity. */
export type CurvesOptions = {
  parametric?: ParametricCurveOptions;
  /** Master point curve (all channels), 0–255. @default identity */
  master?: CurvePoints;
  /** Red channel point curve. @default identity */
  red?: CurvePoints;
  /** Green channel point curve. @default identity */
  green?: CurvePoints;
  /** Blue channel point curve. @default identity */
  blue?: CurvePoints;
};

/** Largest move of a parametric region at ±100, in display units (≈ 26 codes). */
const REGION_SHIFT = 0.1;

function isIdentityCurve(points: CurvePoints | undefined): boolean {
  return !points || points.every(([x, y]) => x === y);
}

function isParametricIdentity(p: ParametricCurveOptions | undefined): boolean {
  return !p || (!p.shadows && !p.darks && !p.lights && !p.highlights);
}

/**
 * The parametric curve as a monotone cubic (our approximation of darktable's Lightroom importer,
 * which also turns the regions into curve nodes): nodes at 0, the middle of each of the four
 * regions and 1; each region's node moves by slider/100 · 0.1; node outputs are made
 * non-decreasing so the curve never inverts tones.
 */
export function makeParametricCurve(p: ParametricCurveOptions): Interpolant {
  const { shadows = 0, darks = 0, lights = 0, highlights = 0, shadowSplit = 25, midtoneSplit = 50, highlightSplit = 75 } = p;
  for (const [k, v] of Object.entries({ shadows, darks, lights, highlights })) assertRange(k, v, -100, 100);
  assertRange("shadowSplit", shadowSplit, 5, 95);
  assertRange("midtoneSplit", midtoneSplit, 5, 95);
  assertRange("highlightSplit", highlightSplit, 5, 95);
  const s1 = shadowSplit / 100;
  const s2 = Math.max(midtoneSplit / 100, s1 + 0.01);
  const s3 = Math.max(highlightSplit / 100, s2 + 0.01);
  const xs = [0, s1 / 2, (s1 + s2) / 2, (s2 + s3) / 2, (s3 + 1) / 2, 1];
  const moves = [0, shadows, darks, lights, highlights, 0];
  const ys = xs.map((x, i) => Math.min(1, Math.max(0, x + (moves[i] / 100) * REGION_SHIFT)));
  for (let i = 1; i < ys.length; i++) if (ys[i] < ys[i - 1]) ys[i] = ys[i - 1];
  return monotoneCubic(xs, ys);
}

/** A point curve (0–255 points) as a function on display values 0–1, clipped to [0, 1]. */
export function makePointCurve(points: CurvePoints): Interpolant {
  if (points.length < 2) throw new RangeError("a point curve needs at least two points");
  const spline = naturalCubicSpline(
    points.map(([x]) => x / 255),
    points.map(([, y]) => y / 255),
  );
  return (x: number) => {
    const y = spline(x);
    return y < 0 ? 0 : y > 1 ? 1 : y;
  };
}

/**
 * The three per-channel curve functions (parametric → master point curve → channel point curve),
 * on display values 0–1; `null` when the whole panel is the identity.
 */
export function makeCurveFunctions(options: CurvesOptions): [Interpolant, Interpolant, Interpolant] | null {
  const stages: Interpolant[] = [];
  if (!isParametricIdentity(options.parametric)) stages.push(makeParametricCurve(options.parametric ?? {}));
  if (!isIdentityCurve(options.master)) stages.push(makePointCurve(options.master!));
  const channel = [options.red, options.green, options.blue].map((c) => (isIdentityCurve(c) ? null : makePointCurve(c!)));
  if (stages.length === 0 && channel.every((c) => c === null)) return null;
  const compose = (own: Interpolant | null): Interpolant => {
    const all = own ? [...stages, own] : stages;
    return (x: number) => {
      let y = x;
      for (let i = 0; i < all.length; i++) y = all[i](y);
      return y;
    };
  };
  return [compose(channel[0]), compose(channel[1]), compose(channel[2])];
}

/** Applies the curves to a display-encoded image (values 0–1), channel by channel. */
export function applyCurves({ image, out, ...options }: { image: FloatImage; out?: Float32Array } & CurvesOptions): FloatImage {
  const dst = outputFor(image, out);
  const fns = makeCurveFunctions(options);
  const src = image.data;
  if (!fns) {
    dst.set(src);
    return { data: dst, width: image.width, height: image.height };
  }
  const [fr, fg, fb] = fns;
  for (let i = 0; i < src.length; i += 3) {
    dst[i] = fr(src[i]);
    dst[i + 1] = fg(src[i + 1]);
    dst[i + 2] = fb(src[i + 2]);
  }
  return { data: dst, width: image.width, height: image.height };
}
