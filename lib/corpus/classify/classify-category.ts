import type { Category } from "@/db/schema/trajectories";
import { correctionHasEffect, HSL_BANDS, isIdentityCurve, type DevelopParams, type ToneCurve } from "@/lib/develop";

/**
 * Thresholds of the category rules. Defaults are chosen so that an ordinary
 * corrective edit (exposure, tone, white balance, a little HSL) stays
 * `quality`; override any of them per import.
 */
export type CategoryRules = {
  /** A colour-grading wheel or split-toning saturation at or above this is "strong grading". @default 20 */
  gradingSaturation: number;
  /** An HSL hue shift of at least this many units in any band is a "large hue shift". @default 30 */
  hueShift: number;
  /** A point curve whose largest distance from y = x (0–255 scale) reaches this is "creative". @default 40 */
  curveDeviation: number;
  /** Per-channel (R/G/B) curves are creative at a smaller deviation: they tint the image. @default 20 */
  channelCurveDeviation: number;
};

export const DEFAULT_CATEGORY_RULES: CategoryRules = { gradingSaturation: 20, hueShift: 30, curveDeviation: 40, channelCurveDeviation: 20 };

export type CategoryDecision = { category: Category; reason: string };

const GRADING_SAT_KEYS = [
  "SplitToningShadowSaturation",
  "SplitToningHighlightSaturation",
  "ColorGradeMidtoneSat",
  "ColorGradeGlobalSat",
] as const;

/**
 * The documented category rules, first match wins:
 * 1. `local`: at least one local correction that can change pixels;
 * 2. `style`: black & white, strong colour grading, a large HSL hue shift, or a creative curve;
 * 3. `quality`: everything else (corrective global edits).
 */
export function classifyCategory(params: DevelopParams, rules: Partial<CategoryRules> = {}): CategoryDecision {
  const r = { ...DEFAULT_CATEGORY_RULES, ...rules };
  const p = params as Record<string, unknown>;
  const corrections = params.MaskGroupBasedCorrections ?? [];
  const active = corrections.filter(correctionHasEffect).length;
  if (active > 0) return { category: "local", reason: `${active} local correction${active === 1 ? "" : "s"}` };

  if (p.ConvertToGrayscale === true) return { category: "style", reason: "black & white conversion" };
  for (const key of GRADING_SAT_KEYS) {
    const v = num(p[key]);
    if (v >= r.gradingSaturation) return { category: "style", reason: `strong colour grading (${key} ${v})` };
  }
  for (const band of HSL_BANDS) {
    const v = num(p[`HueAdjustment${band}`]);
    if (Math.abs(v) >= r.hueShift) return { category: "style", reason: `large hue shift (${band} ${v > 0 ? "+" : ""}${v})` };
  }
  const master = curveDeviation(p.ToneCurvePV2012);
  if (master >= r.curveDeviation) return { category: "style", reason: `creative tone curve (off the diagonal by ${Math.round(master)})` };
  for (const channel of ["Red", "Green", "Blue"]) {
    const d = curveDeviation(p[`ToneCurvePV2012${channel}`]);
    if (d >= r.channelCurveDeviation) return { category: "style", reason: `creative ${channel.toLowerCase()} channel curve` };
  }
  return { category: "quality", reason: "global corrective edit" };
}

/** Whether the edit has at least one local correction that changes pixels. */
export const hasLocalCorrections = (params: DevelopParams): boolean => (params.MaskGroupBasedCorrections ?? []).some(correctionHasEffect);

const num = (v: unknown): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** Largest |y − x| over the curve, linearly interpolated at every integer input. */
function curveDeviation(value: unknown): number {
  if (!Array.isArray(value) || value.length < 2) return 0;
  const curve = value as ToneCurve;
  if (isIdentityCurve(curve)) return 0;
  let max = 0;
  for (let x = 0; x <= 255; x++) max = Math.max(max, Math.abs(interpolate(curve, x) - x));
  return max;
}

function interpolate(curve: ToneCurve, x: number): number {
  if (x <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [x1, y1] = curve[i];
    const [x0, y0] = curve[i - 1];
    if (x <= x1) return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return curve[curve.length - 1][1];
}
