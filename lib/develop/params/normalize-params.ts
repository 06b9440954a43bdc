import { lookupParamKey } from "./aliases";
import type { AliasKind } from "./aliases";
import { coerceCurve } from "./coerce-curve";
import { clamp, coerceBoolean, coerceNumber, roundTo, showValue } from "./coerce-value";
import type { DevelopParams } from "./develop-params";
import { isMetadataKey, isNeutralRawValue, isUnsupportedSettingKey, unsupportedReason } from "./metadata-keys";
import { normalizeCorrections } from "./normalize-corrections";
import { normalizePointColors } from "./point-colors";
import { kelvinOffsetToRelative } from "../pipeline/white-balance";
import { PARAM_SPECS } from "./specs";
import type { ParamKey } from "./specs";
import type { ParamIssue, ParamSpec } from "./types";

/** Parameters in canonical form plus everything that had to be fixed or dropped on the way. */
export type NormalizedParams = { params: DevelopParams; issues: ParamIssue[] };

const RANK: Record<AliasKind, number> = { canonical: 0, alias: 1, legacy: 2, nonstandard: 3 };

/**
 * Turns loosely-typed user parameters (any accepted key spelling, numeric strings, `"True"`, curves
 * in any form) into canonical `DevelopParams`. Out-of-range values are clamped, wrong types and
 * unknown keys dropped; each is reported as a `ParamIssue`. Never throws on user data.
 */
export function normalizeParams(input: Record<string, unknown>): NormalizedParams {
  const issues: ParamIssue[] = [];
  const params: Record<string, unknown> = {};
  if (!input || typeof input !== "object" || Array.isArray(input)) {
    return { params, issues: [{ key: "", code: "malformed", message: "parameters must be an object of key/value pairs", value: input }] };
  }
  const taken = new Map<ParamKey, { name: string; rank: number }>();
  let temperatureOffset: { name: string; offset: number } | null = null;
  const pointColors: { raw?: unknown; variance?: unknown } = {};
  for (const [name, raw] of Object.entries(input)) {
    if (name.toLowerCase() === "pointcolors") pointColors.raw = raw;
    if (name.toLowerCase() === "colorvariance") pointColors.variance = raw;
    if (name.toLowerCase() === "pointcolors" || name.toLowerCase() === "colorvariance") continue;
    if (name.toLowerCase() === "maskgroupbasedcorrections") {
      const { corrections, issues: found } = normalizeCorrections(raw);
      issues.push(...found);
      if (corrections.length > 0) params.MaskGroupBasedCorrections = corrections;
      continue;
    }
    const match = lookupParamKey(name);
    if (!match) {
      reportUnmatched(name, raw, issues);
      continue;
    }
    const { key } = match;
    if (key === "Temperature" && isKelvinOffset(raw)) {
      temperatureOffset = { name, offset: coerceNumber(raw)! };
      continue;
    }
    const prev = taken.get(key);
    if (prev && prev.rank <= RANK[match.via]) {
      issues.push({
        key: name,
        code: "malformed",
        message: `"${name}" and "${prev.name}" both set ${key}; kept "${prev.name}"`,
        value: raw,
      });
      continue;
    }
    if (match.via === "nonstandard") {
      issues.push({ key: name, code: "unknown_key", message: `"${name}" is not a Lightroom key; read as ${key}`, value: raw });
    }
    const value = normalizeValue({ key, name, raw, issues });
    if (value === undefined) continue;
    if (prev) issues.push({ key: prev.name, code: "malformed", message: `"${prev.name}" and "${name}" both set ${key}; kept "${name}"` });
    taken.set(key, { name, rank: RANK[match.via] });
    params[key] = value;
  }
  if (temperatureOffset) applyKelvinOffset(params, temperatureOffset, issues);
  if (pointColors.raw !== undefined) {
    const found = normalizePointColors(pointColors.raw, pointColors.variance);
    issues.push(...found.issues);
    if (found.pointColors.length > 0) params.PointColors = found.pointColors;
  }
  return { params: params as DevelopParams, issues };
}

/**
 * A signed `Temperature` ("+400", "-300") is a preset's Kelvin offset from as-shot, not an absolute
 * Kelvin value (which is never below 2000): it is added to IncrementalTemperature on the relative
 * scale, taken at the as-shot Kelvin when known, else 5500 K (see pipeline/white-balance.ts).
 */
function isKelvinOffset(raw: unknown): boolean {
  if (typeof raw === "string") return /^\s*[+-]/.test(raw) && coerceNumber(raw) !== undefined;
  return typeof raw === "number" && Number.isFinite(raw) && raw < 1000;
}

function applyKelvinOffset(
  params: Record<string, unknown>,
  { name, offset }: { name: string; offset: number },
  issues: ParamIssue[],
): void {
  const asShot = typeof params.AsShotTemperature === "number" ? params.AsShotTemperature : undefined;
  const relative = kelvinOffsetToRelative(offset, asShot);
  const before = typeof params.IncrementalTemperature === "number" ? params.IncrementalTemperature : 0;
  const total = roundTo(clamp(before + relative, -100, 100), 0);
  if (total !== 0) params.IncrementalTemperature = total;
  issues.push({
    key: name,
    code: "converted",
    message: `Temperature ${offset > 0 ? "+" : ""}${offset} is a Kelvin offset from as-shot; read as IncrementalTemperature ${relative >= 0 ? "+" : ""}${roundTo(relative, 0)} (at ${asShot ?? 5500} K)`,
    value: offset,
  });
}

function reportUnmatched(name: string, raw: unknown, issues: ParamIssue[]): void {
  if (isMetadataKey(name)) return;
  if (isUnsupportedSettingKey(name)) {
    if (!isNeutralRawValue(raw, name))
      issues.push({
        key: name,
        code: "not_rendered",
        message: `${name} is not rendered (${unsupportedReason(name)}); ignored`,
        value: raw,
      });
    return;
  }
  issues.push({ key: name, code: "unknown_key", message: `unknown parameter "${name}"; ignored`, value: raw });
}

/** Normalises one value for a canonical key; `undefined` when it had to be dropped (issue pushed). */
export function normalizeValue(o: { key: ParamKey; name: string; raw: unknown; issues: ParamIssue[] }): unknown {
  const spec: ParamSpec = PARAM_SPECS[o.key];
  const value = coerceBySpec(spec, o);
  if (value !== undefined && !spec.rendered && !sameValue(value, spec.default)) {
    o.issues.push({ key: o.name, code: "not_rendered", message: `${o.key} is kept but not rendered by this engine`, value });
  }
  return value;
}

function coerceBySpec(spec: ParamSpec, o: { key: ParamKey; name: string; raw: unknown; issues: ParamIssue[] }): unknown {
  const { key, name, raw, issues } = o;
  switch (spec.kind) {
    case "number": {
      const n = coerceNumber(raw);
      if (n === undefined) {
        issues.push({
          key: name,
          code: "wrong_type",
          message: `${key} must be a number from ${spec.min} to ${spec.max}, got ${showValue(raw)}`,
          value: raw,
        });
        return undefined;
      }
      const clamped = roundTo(clamp(n, spec.min, spec.max), spec.decimals);
      if (n < spec.min || n > spec.max) {
        issues.push({
          key: name,
          code: "out_of_range",
          message: `${key} ${n} is outside ${spec.min}…${spec.max}; clamped to ${clamped}`,
          value: raw,
          clampedTo: clamped,
        });
      }
      return clamped;
    }
    case "boolean": {
      const b = coerceBoolean(raw);
      if (b === undefined)
        issues.push({ key: name, code: "wrong_type", message: `${key} must be True or False, got ${showValue(raw)}`, value: raw });
      return b;
    }
    case "enum": {
      const text = typeof raw === "string" ? raw.trim() : undefined;
      const known = text === undefined ? undefined : spec.values.find((v) => v.toLowerCase() === text.toLowerCase());
      if (known !== undefined) return known;
      if (spec.open && text) return text;
      issues.push({
        key: name,
        code: "wrong_type",
        message: `${key} must be one of ${spec.values.join(", ")}, got ${showValue(raw)}`,
        value: raw,
      });
      return undefined;
    }
    case "curve": {
      const { curve, fixes, error } = coerceCurve(raw);
      if (error) {
        issues.push({ key: name, code: "malformed", message: `${key} ${error}`, value: raw });
        return undefined;
      }
      for (const fix of fixes)
        issues.push({ key: name, code: fix.includes("outside") ? "out_of_range" : "malformed", message: `${key}: ${fix}`, value: raw });
      return curve;
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
