import { clamp, coerceBoolean, coerceNumber, roundTo, showValue } from "./coerce-value";
import type { LocalFieldSpec } from "./corrections";
import type { ParamIssue } from "./types";

// Field-level helpers shared by the correction and mask normalisers. Lightroom stores local values
// with six decimals, so that is the precision kept.
export const LOCAL_DECIMALS = 6;

/** Context for one object being normalised: where issues go and the path prefix they carry. */
export type FieldContext = { path: string; issues: ParamIssue[] };

/** A clamped, rounded number for `field`, or `undefined` (issue pushed) when it is not a number. */
export function numberField(ctx: FieldContext, field: string, raw: unknown, spec: Pick<LocalFieldSpec, "min" | "max">): number | undefined {
  const key = `${ctx.path}.${field}`;
  const n = coerceNumber(raw);
  if (n === undefined) {
    ctx.issues.push({
      key,
      code: "wrong_type",
      message: `${field} must be a number from ${spec.min} to ${spec.max}, got ${showValue(raw)}`,
      value: raw,
    });
    return undefined;
  }
  const v = roundTo(clamp(n, spec.min, spec.max), LOCAL_DECIMALS);
  if (n < spec.min || n > spec.max) {
    ctx.issues.push({
      key,
      code: "out_of_range",
      message: `${field} ${n} is outside ${spec.min}…${spec.max}; clamped to ${v}`,
      value: raw,
      clampedTo: v,
    });
  }
  return v;
}

/** A boolean for `field`, or `undefined` (issue pushed). */
export function booleanField(ctx: FieldContext, field: string, raw: unknown): boolean | undefined {
  const b = coerceBoolean(raw);
  if (b === undefined)
    ctx.issues.push({
      key: `${ctx.path}.${field}`,
      code: "wrong_type",
      message: `${field} must be true or false, got ${showValue(raw)}`,
      value: raw,
    });
  return b;
}

const PLAIN_NUMBER = /^[+-]?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * A field this engine does not interpret, kept so it round-trips: numeric and boolean strings become
 * numbers/booleans (so XMP text and JSON input agree), nested objects and arrays are kept recursively.
 */
export function passthroughValue(raw: unknown): unknown {
  if (typeof raw === "string") {
    const t = raw.trim();
    if (PLAIN_NUMBER.test(t)) return roundTo(Number(t), LOCAL_DECIMALS);
    if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
    return raw;
  }
  if (typeof raw === "number") return Number.isFinite(raw) ? roundTo(raw, LOCAL_DECIMALS) : undefined;
  if (Array.isArray(raw)) return raw.map(passthroughValue).filter((v) => v !== undefined);
  if (raw && typeof raw === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(raw)) {
      const p = passthroughValue(v);
      if (p !== undefined) out[k] = p;
    }
    return out;
  }
  return raw === null ? undefined : raw;
}

/** Whether `raw` is a plain object (not an array). */
export function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}
