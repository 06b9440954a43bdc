import { CORRECTION_FIELD_SPECS, LOCAL_PARAM_SPECS } from "./corrections";
import type { Correction, CorrectionMask, LocalFieldSpec } from "./corrections";
import { booleanField, isRecord, numberField, passthroughValue } from "./normalize-fields";
import type { FieldContext } from "./normalize-fields";
import { normalizeMask } from "./normalize-mask";
import type { ParamIssue } from "./types";

const ROOT = "MaskGroupBasedCorrections";
const NUMERIC: Record<string, LocalFieldSpec> = { ...CORRECTION_FIELD_SPECS, ...LOCAL_PARAM_SPECS };

/**
 * Normalises a `MaskGroupBasedCorrections` value: coerces and clamps known fields, keeps unknown
 * fields and mask kinds as data, drops (and reports) corrections that have no usable mask.
 */
export function normalizeCorrections(raw: unknown): { corrections: Correction[]; issues: ParamIssue[] } {
  const issues: ParamIssue[] = [];
  const list = isRecord(raw) ? [raw] : raw;
  if (!Array.isArray(list)) {
    issues.push({ key: ROOT, code: "wrong_type", message: `${ROOT} must be a list of corrections`, value: raw });
    return { corrections: [], issues };
  }
  const corrections: Correction[] = [];
  list.forEach((item, i) => {
    const c = normalizeCorrection({ path: `${ROOT}[${i}]`, issues }, item);
    if (c) corrections.push(c);
  });
  return { corrections, issues };
}

function normalizeCorrection(ctx: FieldContext, raw: unknown): Correction | undefined {
  if (!isRecord(raw)) {
    ctx.issues.push({ key: ctx.path, code: "malformed", message: "a correction must be an object; dropped", value: raw });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(raw)) {
    let v: unknown;
    if (NUMERIC[field]) v = numberField(ctx, field, value, NUMERIC[field]);
    else if (field === "CorrectionActive") v = booleanField(ctx, field, value);
    else if (field === "CorrectionName") v = value === undefined || value === null ? undefined : String(value);
    else if (field === "CorrectionMasks") v = normalizeMasks(ctx, value);
    else v = passthroughValue(value);
    if (v !== undefined) out[field] = v;
  }
  const masks = out.CorrectionMasks as CorrectionMask[] | undefined;
  if (!masks || masks.length === 0) {
    ctx.issues.push({ key: ctx.path, code: "malformed", message: "correction has no usable CorrectionMasks; dropped", value: raw });
    return undefined;
  }
  return out as Correction;
}

function normalizeMasks(ctx: FieldContext, raw: unknown): CorrectionMask[] {
  const list = isRecord(raw) ? [raw] : raw;
  if (!Array.isArray(list)) return [];
  const masks: CorrectionMask[] = [];
  list.forEach((m, j) => {
    const mask = normalizeMask({ path: `${ctx.path}.CorrectionMasks[${j}]`, issues: ctx.issues }, m);
    if (mask) masks.push(mask);
  });
  return masks;
}
