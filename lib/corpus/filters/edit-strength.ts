import { correctionHasEffect, isDefaultValue, PARAM_KEYS, PARAM_SPECS, type DevelopParams, type ParamKey } from "@/lib/develop";

/**
 * One visible "step" per key, in slider units: the change a viewer notices
 * side by side. Taken from JarvisArt's per-key tolerances where they exist
 * (exposure 1 EV, contrast 70, highlights/shadows 55, whites/blacks 50,
 * clarity 30, dehaze 20, vibrance/saturation 30, HSL 20–30); other numeric
 * keys use an eighth of their range.
 */
const STEP: Partial<Record<ParamKey, number>> = {
  Exposure2012: 1,
  Contrast2012: 70,
  Highlights2012: 55,
  Shadows2012: 55,
  Whites2012: 50,
  Blacks2012: 50,
  IncrementalTemperature: 20,
  IncrementalTint: 20,
  Temperature: 1500,
  Tint: 25,
  Texture: 40,
  Clarity2012: 30,
  Dehaze: 20,
  Vibrance: 30,
  Saturation: 30,
  PostCropVignetteAmount: 20,
};

export type Contribution = { key: ParamKey | "MaskGroupBasedCorrections" | "ConvertToGrayscale"; strength: number };

/**
 * How strong an edit is, per key and in total, in visible steps. Curves
 * count by their largest distance from the diagonal (40 levels = 1 step),
 * black & white and each effective local correction count as one step.
 */
export function editStrength(params: DevelopParams): { total: number; contributions: Contribution[] } {
  const contributions: Contribution[] = [];
  const p = params as Record<string, unknown>;
  for (const key of PARAM_KEYS) {
    const spec = PARAM_SPECS[key];
    const value = p[key];
    if (!spec.rendered || value === undefined || isDefaultValue(key, value)) continue;
    if (spec.kind === "number" && typeof value === "number") {
      const step = STEP[key] ?? (spec.max - spec.min) / 8;
      const hsl = /^(Hue|Saturation)Adjustment/.test(key) ? 20 : /^LuminanceAdjustment/.test(key) ? 30 : step;
      contributions.push({ key, strength: Math.abs(value - spec.default) / hsl });
    } else if (spec.kind === "curve" && Array.isArray(value)) {
      const deviation = Math.max(...(value as [number, number][]).map(([x, y]) => Math.abs(y - x)));
      contributions.push({ key, strength: deviation / 40 });
    } else if (key === "ConvertToGrayscale" && value === true) {
      contributions.push({ key, strength: 1 });
    }
  }
  const local = (params.MaskGroupBasedCorrections ?? []).filter(correctionHasEffect).length;
  if (local > 0) contributions.push({ key: "MaskGroupBasedCorrections", strength: local });
  contributions.sort((a, b) => b.strength - a.strength);
  return { total: contributions.reduce((s, c) => s + c.strength, 0), contributions };
}
