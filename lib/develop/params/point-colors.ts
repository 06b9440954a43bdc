import { clamp, coerceNumber, roundTo, showValue } from "./coerce-value";
import { LOCAL_DECIMALS } from "./normalize-fields";
import type { ParamIssue } from "./types";

// Lightroom 11+ Point Color (Color Mixer › Point Color). Lightroom stores each swatch in
// `crs:PointColors` as 19 comma-separated numbers and its Variance in `crs:ColorVariance`:
//   0–2   SrcHue (HSV hue of linear ProPhoto RGB in sixths of a turn, 0–6), SrcSat (0–1), SrcLum (HSV value, linear, 0–1)
//   3–5   HueShift, SatScale, LumScale (−1…1: the panel's −100…+100)
//   6     RangeAmount (0–1: the panel's Range, 50 by default)
//   7–10  HueRange: outer-low, inner-low, inner-high, outer-high on 0–1 across the swatch's hue window (swatch at 0.5)
//   11–14 SatRange on HSV saturation, 15–18 LumRange on sRGB-encoded HSV value
// An unused slot is all −1. ColorVariance is written as −100…+100 (a real export has "-50.000000").

/** One Point Color swatch in Lightroom's stored units (field order = the 19 stored numbers). */
export type PointColor = {
  SrcHue: number;
  SrcSat: number;
  SrcLum: number;
  HueShift: number;
  SatScale: number;
  LumScale: number;
  RangeAmount: number;
  HueRange: [number, number, number, number];
  SatRange: [number, number, number, number];
  LumRange: [number, number, number, number];
  /** `crs:ColorVariance` of this swatch, −1…1 (stored ×100). @default 0 */
  Variance: number;
};

/** Lightroom keeps at most eight swatches. */
export const MAX_POINT_COLORS = 8;

const SCALARS = ["SrcHue", "SrcSat", "SrcLum", "HueShift", "SatScale", "LumScale", "RangeAmount"] as const;
const LIMITS: Record<(typeof SCALARS)[number], [number, number]> = {
  SrcHue: [0, 6],
  SrcSat: [0, 1],
  SrcLum: [0, 1],
  HueShift: [-1, 1],
  SatScale: [-1, 1],
  LumScale: [-1, 1],
  RangeAmount: [0, 1],
};

/** Whether a swatch changes anything (a sampled swatch with zero shifts does not). */
export function isPointColorActive(p: PointColor): boolean {
  return p.HueShift !== 0 || p.SatScale !== 0 || p.LumScale !== 0 || p.Variance !== 0;
}

/**
 * Reads `PointColors` (rdf:Seq strings of 19 numbers, arrays of 19 numbers, `;`-separated text or
 * `PointColor` objects) with the matching `ColorVariance` list. Empty slots (all −1) and swatches
 * that change nothing are dropped quietly; malformed ones are dropped and reported; values are
 * clamped to their ranges and range points sorted.
 */
export function normalizePointColors(raw: unknown, rawVariance: unknown): { pointColors: PointColor[]; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const entries =
    typeof raw === "string"
      ? raw.split(";").filter((s) => s.trim())
      : Array.isArray(raw)
        ? raw
        : raw && typeof raw === "object"
          ? [raw]
          : null;
  if (!entries) {
    issues.push({
      key: "PointColors",
      code: "wrong_type",
      message: `PointColors must be a list of swatches, got ${showValue(raw)}`,
      value: raw,
    });
    return { pointColors: [], issues };
  }
  const variances = toVarianceList(rawVariance);
  const pointColors: PointColor[] = [];
  entries.forEach((entry, i) => {
    const key = `PointColors[${i}]`;
    const p = readSwatch(entry, variances[i], key, issues);
    if (!p || !isPointColorActive(p)) return;
    if (pointColors.length >= MAX_POINT_COLORS) {
      issues.push({ key, code: "malformed", message: `Lightroom keeps at most ${MAX_POINT_COLORS} point colours; dropped`, value: entry });
      return;
    }
    pointColors.push(p);
  });
  return { pointColors, issues };
}

function toVarianceList(raw: unknown): (number | undefined)[] {
  const list = typeof raw === "string" ? raw.split(";") : Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((v) => coerceNumber(v));
}

function readSwatch(entry: unknown, storedVariance: number | undefined, key: string, issues: ParamIssue[]): PointColor | undefined {
  if (entry && typeof entry === "object" && !Array.isArray(entry)) return fromObject(entry as Record<string, unknown>, key, issues);
  const parts = typeof entry === "string" ? entry.split(",") : Array.isArray(entry) ? entry : [];
  const numbers = parts.map((v) => coerceNumber(v));
  if (numbers.length !== 19 || numbers.some((n) => n === undefined)) {
    issues.push({ key, code: "malformed", message: "a point colour needs 19 numbers; dropped", value: entry });
    return undefined;
  }
  const v = numbers as number[];
  if (v.every((x) => x === -1)) return undefined; // Lightroom's empty slot
  return fromObject(
    {
      SrcHue: v[0],
      SrcSat: v[1],
      SrcLum: v[2],
      HueShift: v[3],
      SatScale: v[4],
      LumScale: v[5],
      RangeAmount: v[6],
      HueRange: v.slice(7, 11),
      SatRange: v.slice(11, 15),
      LumRange: v.slice(15, 19),
      Variance: (storedVariance ?? 0) / 100,
    },
    key,
    issues,
  );
}

function fromObject(o: Record<string, unknown>, key: string, issues: ParamIssue[]): PointColor | undefined {
  const out: Record<string, unknown> = {};
  for (const field of SCALARS) {
    const n = coerceNumber(o[field]);
    if (n === undefined) {
      issues.push({
        key: `${key}.${field}`,
        code: "wrong_type",
        message: `${field} must be a number, got ${showValue(o[field])}; swatch dropped`,
        value: o[field],
      });
      return undefined;
    }
    out[field] = fix(n, LIMITS[field], `${key}.${field}`, issues);
  }
  for (const field of ["HueRange", "SatRange", "LumRange"] as const) {
    const list = Array.isArray(o[field]) ? (o[field] as unknown[]).map((v) => coerceNumber(v)) : [];
    if (list.length !== 4 || list.some((n) => n === undefined)) {
      issues.push({ key: `${key}.${field}`, code: "malformed", message: `${field} needs 4 numbers; swatch dropped`, value: o[field] });
      return undefined;
    }
    out[field] = (list as number[]).map((n) => fix(n, [0, 1], `${key}.${field}`, issues)).sort((a, b) => a - b);
  }
  out.Variance = fix(coerceNumber(o.Variance) ?? 0, [-1, 1], `${key}.Variance`, issues);
  if (out.SrcHue === 6) out.SrcHue = 0;
  return out as PointColor;
}

function fix(n: number, [min, max]: [number, number], key: string, issues: ParamIssue[]): number {
  const v = roundTo(clamp(n, min, max), LOCAL_DECIMALS);
  if (n < min || n > max)
    issues.push({ key, code: "out_of_range", message: `${n} is outside ${min}…${max}; clamped to ${v}`, value: n, clampedTo: v });
  return v;
}

/** The swatches as Lightroom writes them: `crs:PointColors` items and `crs:ColorVariance` items. */
export function pointColorsToXmpLists(list: PointColor[]): { points: string[]; variances: string[] } {
  const f = (x: number) => x.toFixed(6);
  return {
    points: list.map((p) => [...SCALARS.map((k) => p[k]), ...p.HueRange, ...p.SatRange, ...p.LumRange].map(f).join(", ")),
    variances: list.map((p) => f(p.Variance * 100)),
  };
}
