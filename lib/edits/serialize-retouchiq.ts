import { shortNameFor } from "../develop/params/aliases";
import { pruneDefaults } from "../develop/params/canonical";
import type { DevelopParams } from "../develop/params/develop-params";
import { PARAM_KEYS, PARAM_SPECS } from "../develop/params/specs";
import type { ParamSpec } from "../develop/params/types";

// The RetouchIQ serialiser on its own, importing only the parameter tables: the Develop page
// writes the edit into its URL on every change, and the parser's imports (the normaliser and its
// mask schemas, zod, jsonrepair) would otherwise load with the page.

/**
 * Canonical RetouchIQ text for `params`: only non-default keys, in table order, short alias names
 * where one exists (crs names otherwise), each key's fixed decimals, `+` on positive signed values.
 */
export function serializeRetouchIq(params: DevelopParams): string {
  const pruned = pruneDefaults(params);
  const parts: string[] = [];
  for (const key of PARAM_KEYS) {
    const value = pruned[key];
    if (value === undefined) continue;
    parts.push(`${shortNameFor(key) ?? key}=${formatValue(PARAM_SPECS[key], value)}`);
  }
  if (pruned.MaskGroupBasedCorrections) parts.push(`MaskGroupBasedCorrections=${JSON.stringify(pruned.MaskGroupBasedCorrections)}`);
  if (pruned.PointColors) parts.push(`PointColors=${JSON.stringify(pruned.PointColors)}`);
  return `{${parts.join("; ")}}`;
}

function formatValue(spec: ParamSpec, value: unknown): string {
  if (spec.kind === "number" && typeof value === "number") {
    const text = value.toFixed(spec.decimals);
    return spec.signed && value > 0 ? `+${text}` : text;
  }
  if (spec.kind === "enum") return JSON.stringify(value);
  return JSON.stringify(value);
}
