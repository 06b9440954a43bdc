import { coerceNumber } from "./coerce-value";
import {
  circularGradientMaskSchema,
  gradientMaskSchema,
  imageMaskSchema,
  polygonMaskSchema,
  rangeMaskComponentSchema,
} from "./correction-schemas";
import { MASK_COMMON_FIELD_SPECS, MASK_FIELD_SPECS } from "./corrections";
import type { CorrectionMask, KnownMaskKind, LocalFieldSpec } from "./corrections";
import { booleanField, isRecord, numberField, passthroughValue } from "./normalize-fields";
import type { FieldContext } from "./normalize-fields";

const KIND_SCHEMAS = {
  "Mask/Gradient": gradientMaskSchema,
  "Mask/CircularGradient": circularGradientMaskSchema,
  "Mask/RangeMask": rangeMaskComponentSchema,
  "Mask/Image": imageMaskSchema,
  "Mask/Polygon": polygonMaskSchema,
} as const;

const unitRange = { min: 0, max: 1 };

/**
 * Normalises one mask component. Known numeric fields are coerced and clamped; unknown fields and
 * unknown mask kinds are kept as data. Returns `undefined` (issue pushed) when the mask is unusable.
 */
export function normalizeMask(ctx: FieldContext, raw: unknown): CorrectionMask | undefined {
  if (!isRecord(raw)) {
    ctx.issues.push({ key: ctx.path, code: "malformed", message: "a mask must be an object with a What field; dropped", value: raw });
    return undefined;
  }
  const what = typeof raw.What === "string" ? raw.What.trim() : "";
  if (!what) {
    ctx.issues.push({ key: ctx.path, code: "malformed", message: 'mask has no What (e.g. "Mask/Gradient"); dropped', value: raw });
    return undefined;
  }
  const fields: Record<string, LocalFieldSpec> = { ...MASK_COMMON_FIELD_SPECS, ...(MASK_FIELD_SPECS[what as KnownMaskKind] ?? {}) };
  const out: Record<string, unknown> = { What: what };
  for (const [field, value] of Object.entries(raw)) {
    if (field === "What") continue;
    const v = normalizeMaskField(ctx, field, value, fields[field]);
    if (v !== undefined) out[field] = v;
  }
  const schema = KIND_SCHEMAS[what as keyof typeof KIND_SCHEMAS];
  if (!schema) return out as CorrectionMask;
  const parsed = schema.safeParse(out);
  if (parsed.success) return parsed.data as CorrectionMask;
  const missing = parsed.error.issues.map((i) => i.path.join(".")).join(", ");
  ctx.issues.push({ key: ctx.path, code: "malformed", message: `${what} mask is missing or has invalid ${missing}; dropped`, value: raw });
  return undefined;
}

function normalizeMaskField(ctx: FieldContext, field: string, value: unknown, spec: LocalFieldSpec | undefined): unknown {
  if (spec) return numberField(ctx, field, value, spec);
  switch (field) {
    case "MaskInverted":
    case "Flipped":
      return booleanField(ctx, field, value);
    case "MaskBlendMode":
      return blendMode(ctx, value);
    case "MaskSubCategoryID":
      return intField(ctx, field, value);
    case "CorrectionRangeMask":
      return normalizeRangeMask({ path: `${ctx.path}.CorrectionRangeMask`, issues: ctx.issues }, value);
    case "Points":
      return normalizePoints({ path: `${ctx.path}.Points`, issues: ctx.issues }, value);
    default:
      return passthroughValue(value);
  }
}

function blendMode(ctx: FieldContext, value: unknown): 0 | 1 | undefined {
  const n = coerceNumber(value);
  if (n === 0 || n === 1) return n;
  ctx.issues.push({
    key: `${ctx.path}.MaskBlendMode`,
    code: "wrong_type",
    message: `MaskBlendMode must be 0 (add) or 1 (intersect), got ${JSON.stringify(value)}`,
    value,
  });
  return undefined;
}

function intField(ctx: FieldContext, field: string, value: unknown): number | undefined {
  const n = coerceNumber(value);
  if (n !== undefined && Number.isInteger(n)) return n;
  ctx.issues.push({
    key: `${ctx.path}.${field}`,
    code: "wrong_type",
    message: `${field} must be an integer, got ${JSON.stringify(value)}`,
    value,
  });
  return undefined;
}

/** Range refinement: see `rangeMaskSchema` for the shape. `LumRange` may be "lo lf hf hi" text. */
function normalizeRangeMask(ctx: FieldContext, raw: unknown): Record<string, unknown> | undefined {
  if (!isRecord(raw)) {
    ctx.issues.push({ key: ctx.path, code: "malformed", message: "CorrectionRangeMask must be an object", value: raw });
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(raw)) {
    let v: unknown;
    if (field === "Type") v = intField(ctx, field, value);
    else if (field === "ColorAmount") v = numberField(ctx, field, value, unitRange);
    else if (field === "Invert") v = booleanField(ctx, field, value);
    else if (field === "LumRange") v = lumRange(ctx, value);
    else if (field === "ColorSamples") v = normalizePoints({ path: `${ctx.path}.ColorSamples`, issues: ctx.issues }, value);
    else v = passthroughValue(value);
    if (v !== undefined) out[field] = v;
  }
  return out;
}

function lumRange(ctx: FieldContext, value: unknown): number[] | undefined {
  const parts = typeof value === "string" ? value.split(/[\s,;]+/).filter(Boolean) : Array.isArray(value) ? value : [];
  const nums = parts.map((p) => numberField(ctx, "LumRange", p, unitRange));
  if (nums.length !== 4 || nums.some((n) => n === undefined)) {
    ctx.issues.push({
      key: `${ctx.path}.LumRange`,
      code: "malformed",
      message: "LumRange needs four numbers lo, loFull, hiFull, hi on 0–1",
      value,
    });
    return undefined;
  }
  const sorted = (nums as number[]).slice().sort((a, b) => a - b);
  if (sorted.some((n, i) => n !== nums[i])) {
    ctx.issues.push({ key: `${ctx.path}.LumRange`, code: "malformed", message: "LumRange values must not decrease; sorted", value });
  }
  return sorted;
}

/** Points as `[{X, Y, …}]`; also accepts `[[x, y], …]` and lowercase `x`/`y`. */
function normalizePoints(ctx: FieldContext, value: unknown): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(value)) {
    ctx.issues.push({ key: ctx.path, code: "malformed", message: "must be a list of points", value });
    return undefined;
  }
  const out: Array<Record<string, unknown>> = [];
  value.forEach((p, i) => {
    const item = Array.isArray(p) ? { X: p[0], Y: p[1] } : isRecord(p) ? { ...p, X: p.X ?? p.x, Y: p.Y ?? p.y } : undefined;
    if (item) {
      delete (item as Record<string, unknown>).x;
      delete (item as Record<string, unknown>).y;
    }
    const x = coerceNumber(item?.X);
    const y = coerceNumber(item?.Y);
    if (!item || x === undefined || y === undefined) {
      ctx.issues.push({ key: `${ctx.path}[${i}]`, code: "malformed", message: "point needs numeric X and Y; dropped", value: p });
      return;
    }
    const rest = passthroughValue(item) as Record<string, unknown>;
    out.push({ ...rest, X: x, Y: y });
  });
  return out;
}
