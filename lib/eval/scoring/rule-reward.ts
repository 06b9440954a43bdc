import { isMetadataKey } from "@/lib/develop/params";
import { JARVISART_FORMAT } from "@/lib/edits/jarvisart-format";
import { localAccuracy } from "./local-reward";

/**
 * JarvisArt's GRPO-R rule-based reward terms (DEVELOP-PARAMS.md §3), the
 * baseline RetouchIQ argues against. `total` = format + matching + accuracy +
 * local + perception, summed unweighted as TRL does.
 */
export type RuleReward = {
  /** 1 when the whole output matches `<think>…</think>\s*<answer>…</answer>`. */
  format: number;
  /** IoU of the non-core, non-HSL, non-mask key sets. */
  matching: number;
  /** Mean per-key accuracy over shared keys, with the released code's key filter (core + HSL keys never scored). */
  accuracy: number;
  /** The same over every shared key including core and HSL keys, with their thresholds (the evidently intended term). */
  accuracyAllKeys: number;
  /** Local corrections: groups paired by mask similarity, 0.4 · match ratio + 0.6 · mean(region × slider accuracy) (see `localAccuracy`). */
  local: number;
  /** `exp(−0.015 · mean ΔE76)` of the render against the reference (null when not rendered). */
  perception: number | null;
  total: number;
};

/** Keys the released code excludes from terms 2 and 3 (besides masks, metadata and HSL keys). */
const CORE_KEYS = new Set([
  "Temperature",
  "Tint",
  "IncrementalTemperature",
  "IncrementalTint",
  "Exposure2012",
  "Contrast2012",
  "Saturation",
  "Vibrance",
  "Highlights2012",
  "Shadows2012",
]);
const HSL = /^(Hue|Saturation|Luminance)Adjustment/;
const MASK = /^(MaskGroupBasedCorrections|GradientBasedCorrections|CircularGradientBasedCorrections|PaintBasedCorrections|RetouchAreas)$/;

/** Per-key τ of `max(0, 1 − |Δ|/τ)`; any other numeric key uses 1. Incremental WB forms use 25 (our choice; §3 lists only absolute WB). */
export const RULE_THRESHOLDS: Record<string, number> = {
  Exposure2012: 1,
  Contrast2012: 70,
  Highlights2012: 55,
  Shadows2012: 55,
  Whites2012: 50,
  Blacks2012: 50,
  Temperature: 1500,
  Tint: 25,
  IncrementalTemperature: 25,
  IncrementalTint: 25,
  Texture: 40,
  Clarity2012: 30,
  Dehaze: 20,
  Vibrance: 30,
  Saturation: 30,
  ParametricShadows: 20,
  ParametricDarks: 20,
  ParametricLights: 20,
  ParametricHighlights: 40,
  PostCropVignetteAmount: 20,
};

function thresholdOf(key: string): number {
  if (RULE_THRESHOLDS[key] !== undefined) return RULE_THRESHOLDS[key];
  if (HSL.test(key)) return key.startsWith("Luminance") ? 30 : 20;
  return 1;
}

const ignored = (k: string) => MASK.test(k) || isMetadataKey(k) || k.startsWith("ToneCurve");
const scoredByRelease = (k: string) => !ignored(k) && !CORE_KEYS.has(k) && !HSL.test(k);

/** Key-set IoU; two empty sets count as a perfect match. */
export function keySetIou(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  const union = new Set([...sa, ...sb]);
  if (union.size === 0) return 1;
  let inter = 0;
  for (const k of sa) if (sb.has(k)) inter++;
  return inter / union.size;
}

/** Score of one shared key: numeric by threshold, booleans/strings by equality, anything else (curves) by deep equality. */
export function keyAccuracy(key: string, pred: unknown, gt: unknown): number {
  if (typeof pred === "number" && typeof gt === "number") return Math.max(0, 1 - Math.abs(pred - gt) / thresholdOf(key));
  if (typeof pred !== "object" || typeof gt !== "object") return pred === gt ? 1 : 0;
  return JSON.stringify(pred) === JSON.stringify(gt) ? 1 : 0;
}

function meanAccuracy(pred: Record<string, unknown>, gt: Record<string, unknown>, keep: (k: string) => boolean): number {
  const shared = Object.keys(pred).filter((k) => keep(k) && k in gt);
  if (shared.length === 0) return 0;
  return shared.reduce((s, k) => s + keyAccuracy(k, pred[k], gt[k]), 0) / shared.length;
}

/** All rule-based terms of one policy output against the ground-truth params. */
export function ruleReward({
  text,
  pred,
  gt,
  meanDeltaE,
}: {
  text: string;
  pred: Record<string, unknown>;
  gt: Record<string, unknown>;
  meanDeltaE?: number | null;
}): RuleReward {
  const format = JARVISART_FORMAT.test(text.trim()) ? 1 : 0;
  const matching = keySetIou(Object.keys(pred).filter(scoredByRelease), Object.keys(gt).filter(scoredByRelease));
  const accuracy = meanAccuracy(pred, gt, scoredByRelease);
  const accuracyAllKeys = meanAccuracy(pred, gt, (k) => !ignored(k));
  const local = localAccuracy(pred, gt);
  const perception = meanDeltaE === undefined || meanDeltaE === null ? null : Math.exp(-0.015 * meanDeltaE);
  return {
    format,
    matching,
    accuracy,
    accuracyAllKeys,
    local,
    perception,
    total: format + matching + accuracy + local + (perception ?? 0),
  };
}
