import { PARAM_SPECS } from "./specs";
import type { DevelopParams } from "./develop-params";

/**
 * An edit applied at a partial strength (1 = as is, 0 = no edit): every slider moves toward its
 * default and every point curve toward the identity by `strength`. Hue angles stay (their paired
 * saturation carries the strength); booleans, enums and local corrections are kept as they are.
 */
export function atStrength(params: DevelopParams, strength: number): DevelopParams {
  if (strength === 1) return params;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    const spec = PARAM_SPECS[key as keyof typeof PARAM_SPECS];
    if (spec?.kind === "number" && typeof value === "number") {
      out[key] = /Hue$/.test(key) && spec.min >= 0 ? value : spec.default + strength * (value - spec.default);
    } else if (spec?.kind === "curve" && Array.isArray(value)) {
      out[key] = (value as Array<[number, number]>).map(([x, y]) => [x, Math.round(x + strength * (y - x))]);
    } else out[key] = value;
  }
  return out as DevelopParams;
}
