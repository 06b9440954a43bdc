import { isDefaultValue, PARAM_KEYS, shortNameFor, type ParamKey } from "@/lib/develop";
import { editStrength, type Contribution } from "./edit-strength";
import type { FilterInput, FilterReason } from "./types";

/** A change this strong (visible steps) and among the top two must be explained by the reasoning. */
export const DOMINANT_STRENGTH = 0.75;

const KEY_PATTERN = new RegExp(`\\b(${[...PARAM_KEYS].sort((a, b) => b.length - a.length).join("|")})\\b`, "g");

/** Words that count as naming a change besides its `crs` key and short alias. */
const SYNONYMS: Partial<Record<Contribution["key"], string[]>> = {
  Exposure2012: ["exposure", "ev"],
  ConvertToGrayscale: ["black and white", "black & white", "monochrome", "grayscale", "greyscale", "b&w"],
  MaskGroupBasedCorrections: ["local", "mask", "radial", "gradient", "brush", "region"],
  IncrementalTemperature: ["temperature", "white balance", "warm", "cool"],
  IncrementalTint: ["tint", "magenta", "green"],
  ToneCurvePV2012: ["curve"],
};

/**
 * Rejects reasoning that names parameters the edit leaves at their
 * defaults, or that never mentions the edit's dominant changes (so it
 * could not have been derived from the edit).
 */
export function reasoningMismatch({ params, reasoning }: FilterInput): FilterReason | null {
  const named = new Set([...reasoning.matchAll(KEY_PATTERN)].map((m) => m[1] as ParamKey));
  const unchanged = [...named].filter((key) => isDefaultValue(key, (params as Record<string, unknown>)[key]));
  if (unchanged.length > 0)
    return { filter: "reasoning-mismatch", reason: `the reasoning names ${unchanged.join(", ")}, which the edit does not change` };

  const text = reasoning.toLowerCase();
  const dominant = editStrength(params)
    .contributions.slice(0, 2)
    .filter((c) => c.strength >= DOMINANT_STRENGTH);
  const missed = dominant.filter((c) => !mentions(text, c.key));
  if (missed.length > 0)
    return {
      filter: "reasoning-mismatch",
      reason: `the reasoning misses the dominant change${missed.length > 1 ? "s" : ""} ${missed.map((c) => c.key).join(", ")}`,
    };
  return null;
}

function mentions(text: string, key: Contribution["key"]): boolean {
  const words = [key.toLowerCase(), ...(SYNONYMS[key] ?? [])];
  const alias = key === "MaskGroupBasedCorrections" || key === "ConvertToGrayscale" ? undefined : shortNameFor(key);
  if (alias) words.push(alias.replace(/_/g, " "));
  const hsl = /^(Hue|Saturation|Luminance)Adjustment(\w+)$/.exec(key);
  if (hsl) words.push(`${hsl[2].toLowerCase()}`);
  if (/^ToneCurvePV2012|^Parametric/.test(key)) words.push("curve");
  if (/^(SplitToning|ColorGrade)/.test(key)) words.push("grading", "split toning", "toning");
  return words.some((w) => new RegExp(`(^|[^a-z0-9])${escape(w)}([^a-z0-9]|$)`).test(text));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\&]/g, "\\$&");
