import { minCostAssignment } from "./assignment";
import { regionSimilarity } from "./mask-similarity";

// JarvisArt's local_param_accuracy (DEVELOP-PARAMS.md §3, term 4): correction groups
// (`MaskGroupBasedCorrections`) of the prediction and the ground truth are paired by mask
// similarity, and each pair scores region similarity × slider accuracy. Re-derived from the
// released reward's math (`lrc_tools_reward.py`), edge cases included.

type Fields = Record<string, unknown>;

/**
 * Per-slider τ of `max(0, 1 − |Δ|/τ)` on the stored (normalised) local
 * values: LocalExposure2012 is EV / 4, the others UI / 100. The released
 * reward's table; any other numeric field uses 1.
 */
export const LOCAL_RULE_THRESHOLDS: Record<string, number> = {
  LocalExposure2012: 0.08,
  LocalContrast2012: 0.3,
  LocalHighlights2012: 1,
  LocalShadows2012: 0.8,
  LocalWhites2012: 0.15,
  LocalBlacks2012: 0.2,
  LocalClarity2012: 0.3,
  LocalDehaze: 0.15,
  LocalTexture: 0.35,
  LocalHue: 0.3,
  LocalSaturation: 0.15,
  LocalTemperature: 0.4,
  LocalTint: 0.25,
  LocalLuminanceNoise: 0.45,
  LocalSharpness: 0.2,
  LocalMoire: 0.15,
  LocalDefringe: 1,
  LocalGrain: 0.4,
};

/** Fields that describe the correction rather than adjust the image (not scored, as released). */
const NOT_SCORED = new Set(["What", "CorrectionMasks", "CorrectionName", "Gesture", "LocalCurveRefineSaturation", "CorrectionAmount"]);
/** Groups paired with less region similarity than this do not count as matched. */
const GROUP_MATCH_MIN = 0.3;

const isFields = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The value a side that omits a field is taken to have, by the other side's type. */
function absentValue(other: unknown): unknown {
  if (typeof other === "boolean") return true;
  if (isNumber(other)) return 0;
  return "";
}

/**
 * Mean accuracy of one paired correction's own fields (sliders, flags),
 * over the union of both sides' fields. A field one side omits takes its
 * default (0, true or ""). Numbers score `max(0, 1 − |Δ|/τ)`
 * ({@link LOCAL_RULE_THRESHOLDS}); other values score equality. As
 * released, a field only the prediction sets is not counted when it is
 * within τ/2 of the default, and scores 0 otherwise. 1 when no field is
 * compared.
 */
export function localParamAccuracy(pred: Fields, gt: Fields): number {
  let score = 0;
  let count = 0;
  for (const key of new Set([...Object.keys(pred), ...Object.keys(gt)])) {
    if (NOT_SCORED.has(key)) continue;
    const predOnly = !(key in gt);
    const g = predOnly ? absentValue(pred[key]) : gt[key];
    const p = key in pred ? pred[key] : absentValue(g);
    if (isNumber(g) && isNumber(p)) {
      const tau = LOCAL_RULE_THRESHOLDS[key] ?? 1;
      const diff = Math.abs(p - g);
      if (predOnly && diff / tau < 0.5) continue;
      score += Math.max(0, 1 - diff / tau);
    } else if (!predOnly) score += JSON.stringify(p) === JSON.stringify(g) ? 1 : 0;
    count++;
  }
  return count === 0 ? 1 : score / count;
}

/**
 * The local term, in [0, 1]. Correction groups are paired by a min-cost
 * assignment on 1 − {@link regionSimilarity}; pairs below 0.3 similarity are
 * dropped. Score = 0.4 · matched / ground-truth groups + 0.6 · mean over
 * matched pairs of region similarity × {@link localParamAccuracy}.
 * As released: a ground truth without `MaskGroupBasedCorrections` scores 1
 * whatever the prediction holds; one that has them scores 0 against a
 * prediction without; an empty ground-truth list scores 1 only against an
 * empty prediction.
 */
export function localAccuracy(pred: Record<string, unknown>, gt: Record<string, unknown>): number {
  if (!("MaskGroupBasedCorrections" in gt)) return 1;
  if (!("MaskGroupBasedCorrections" in pred)) return 0;
  const groups = (v: unknown) => (Array.isArray(v) ? v.filter(isFields) : isFields(v) ? [v] : []);
  const gtGroups = groups(gt.MaskGroupBasedCorrections);
  const predGroups = groups(pred.MaskGroupBasedCorrections);
  if (gtGroups.length === 0) return predGroups.length === 0 ? 1 : 0;
  if (predGroups.length === 0) return 0;

  const similarity = predGroups.map((p) => gtGroups.map((g) => regionSimilarity(p, g)));
  const matches = minCostAssignment(similarity.map((row) => row.map((s) => 1 - s))).filter(([i, j]) => similarity[i][j] > GROUP_MATCH_MIN);
  const matchRatio = matches.length / gtGroups.length;
  const meanPairScore =
    matches.length === 0
      ? 0
      : matches.reduce((s, [i, j]) => s + similarity[i][j] * localParamAccuracy(predGroups[i], gtGroups[j]), 0) / matches.length;
  return 0.4 * matchRatio + 0.6 * meanPairScore;
}
