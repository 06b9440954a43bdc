import { CORRECTION_FIELD_SPECS, LOCAL_PARAM_SPECS, MASK_COMMON_FIELD_SPECS, MASK_FIELD_SPECS, PARAM_SPECS } from "../params";
import type { ParamKey, ParamSpec } from "../params";

// Lightroom's text conventions, taken from real exports: signed sliders carry a "+" when positive
// ("+26", "+0.50"), Exposure has two decimals, SharpenRadius one ("+1.0"); booleans are "True"/
// "False" at the top level but "true"/"false" inside local corrections, whose fractional fields
// are written with six decimals ("0.037500").

/** The XMP attribute text of a top-level value. */
export function formatParamValue(key: ParamKey, value: unknown): string {
  const spec: ParamSpec = PARAM_SPECS[key];
  if (spec.kind === "boolean") return value ? "True" : "False";
  if (spec.kind !== "number" || typeof value !== "number") return String(value);
  const text = value.toFixed(spec.decimals);
  return spec.signed && value > 0 ? `+${text}` : text === "-0" || /^-0\.0+$/.test(text) ? text.slice(1) : text;
}

const FRACTIONAL_FIELDS = new Set<string>([
  ...Object.keys(LOCAL_PARAM_SPECS),
  ...Object.keys(CORRECTION_FIELD_SPECS),
  ...Object.keys(MASK_COMMON_FIELD_SPECS),
  ...Object.values(MASK_FIELD_SPECS).flatMap((fields) => Object.keys(fields)),
]);
FRACTIONAL_FIELDS.delete("MaskSubType");
FRACTIONAL_FIELDS.delete("Angle");

/** The XMP attribute text of a scalar inside a local correction or mask. */
export function formatLocalValue(field: string, value: unknown): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value !== "number") return String(value);
  if (FRACTIONAL_FIELDS.has(field)) return value.toFixed(6);
  return String(value);
}

/** Escapes text for an XML attribute or element. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
