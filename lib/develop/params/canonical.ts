import { LOCAL_PARAM_KEYS } from "./corrections";
import type { Correction } from "./corrections";
import type { DevelopParams, ResolvedDevelopParams } from "./develop-params";
import { LOCAL_DECIMALS } from "./normalize-fields";
import { isPointColorActive, type PointColor } from "./point-colors";
import { roundTo } from "./coerce-value";
import { PARAM_KEYS, PARAM_SPECS } from "./specs";
import type { ParamKey } from "./specs";
import type { ParamSpec, ToneCurve } from "./types";

/** Whether `value` equals the key's default (curves: any curve whose points all lie on y = x). */
export function isDefaultValue(key: ParamKey, value: unknown): boolean {
  const spec: ParamSpec = PARAM_SPECS[key];
  if (value === undefined) return true;
  if (spec.kind === "curve") return isIdentityCurve(value as ToneCurve);
  if (spec.kind === "number") return typeof value === "number" && roundTo(value, spec.decimals) === spec.default;
  return value === spec.default;
}

/** A curve is the identity when every point is on the diagonal and it spans 0–255. */
export function isIdentityCurve(curve: ToneCurve): boolean {
  if (!Array.isArray(curve) || curve.length < 2) return false;
  const spans = curve[0][0] === 0 && curve[curve.length - 1][0] === 255;
  return spans && curve.every(([x, y]) => x === y);
}

/** Whether a correction can change pixels: active, non-zero amount, some non-zero local slider. */
export function correctionHasEffect(c: Correction): boolean {
  if (c.CorrectionActive === false || c.CorrectionAmount === 0) return false;
  return LOCAL_PARAM_KEYS.some((k) => typeof c[k] === "number" && c[k] !== 0);
}

const AS_SHOT_RELATIVE = new Set<ParamKey>(["Temperature", "Tint", "AsShotTemperature", "AsShotTint"]);

/**
 * The non-default part of `params`, keys in table order, numbers rounded to each key's precision.
 * Two parameter sets that render identically-by-definition get the same object.
 */
export function pruneDefaults(params: DevelopParams): DevelopParams {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const value = params[key];
    // With a known as-shot reference, an absolute Temperature/Tint at the table default is still a
    // white-balance edit (measured from as-shot), so it is kept.
    const keptForAsShot = value !== undefined && AS_SHOT_RELATIVE.has(key) && params.AsShotTemperature !== undefined;
    if (isDefaultValue(key, value) && !keptForAsShot) continue;
    const spec: ParamSpec = PARAM_SPECS[key];
    out[key] = spec.kind === "number" ? roundTo(value as number, spec.decimals) : value;
  }
  const corrections = params.MaskGroupBasedCorrections;
  if (corrections && corrections.length > 0) out.MaskGroupBasedCorrections = orderCorrections(corrections);
  const pointColors = params.PointColors?.filter(isPointColorActive);
  if (pointColors && pointColors.length > 0) out.PointColors = orderFields(pointColors) as PointColor[];
  return out as DevelopParams;
}

const FIRST_FIELDS = ["What", "CorrectionName", "CorrectionActive", "CorrectionAmount"];
const LAST_FIELDS = ["CorrectionMasks"];

/**
 * Corrections with their fields in one fixed order (What, name, active, amount, the rest
 * alphabetically, masks last), so serialised text is canonical however the data was built.
 */
export function orderCorrections(corrections: Correction[]): Correction[] {
  return orderFields(corrections) as Correction[];
}

function orderFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(orderFields);
  if (!value || typeof value !== "object") return value;
  const weight = (k: string) => (FIRST_FIELDS.includes(k) ? FIRST_FIELDS.indexOf(k) - 10 : LAST_FIELDS.includes(k) ? 10 : 0);
  const keys = Object.keys(value).sort((a, b) => weight(a) - weight(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, orderFields((value as Record<string, unknown>)[k])]));
}

/**
 * Stable JSON of the non-default parameters (sorted keys, rounded numbers) — the render cache key.
 * Assumes `params` went through `normalizeParams` (or an XMP/edit reader).
 */
export function canonicalParams(params: DevelopParams): string {
  return stableStringify(pruneDefaults(params));
}

/** Every key present: missing ones filled with their defaults (curves copied, not shared). */
export function withDefaults(params: DevelopParams): ResolvedDevelopParams {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const spec: ParamSpec = PARAM_SPECS[key];
    const value = params[key];
    out[key] = value !== undefined ? value : spec.kind === "curve" ? spec.default.map(([x, y]) => [x, y]) : spec.default;
  }
  out.MaskGroupBasedCorrections = params.MaskGroupBasedCorrections ?? [];
  return out as ResolvedDevelopParams;
}

/** Whether the parameters leave the image unchanged (labels such as ToneCurveName2012 aside). */
export function isIdentity(params: DevelopParams): boolean {
  for (const key of PARAM_KEYS) {
    const spec: ParamSpec = PARAM_SPECS[key];
    if (!spec.rendered || key === "ToneCurveName2012" || key === "WhiteBalance") continue;
    if (!isDefaultValue(key, params[key])) return false;
  }
  return !(params.MaskGroupBasedCorrections ?? []).some(correctionHasEffect) && !(params.PointColors ?? []).some(isPointColorActive);
}

function stableStringify(value: unknown): string {
  return JSON.stringify(sortDeep(value));
}

function sortDeep(value: unknown): unknown {
  if (typeof value === "number") return roundTo(value, LOCAL_DECIMALS);
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortDeep((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}
