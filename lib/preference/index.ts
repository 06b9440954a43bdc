// Public API of preference pairs: weak edits (strategies, perturber, policy rollouts),
// weak-check, pairs, model labels (swapped double judging), human labels, agreement and ratings.
export { STRATEGIES, applyStrategy, perturbAll, type StrategyName, type Perturbed } from "./strategies";
export { paramDistance, editMagnitude } from "./param-distance";
export { ENGINE_RENDERER, renderCandidate, diffToStrong, type Candidate } from "./render-candidate";
export { generatePerturbedPairs, generatePerturbedPairsInput, type GenerateResult } from "./generate-perturbed-pairs";
export { rolloutPairs, rolloutPairsInput } from "./rollout-pairs";
export { judgePair, judgePairInput, type PairScorer } from "./judge-pair";
export { gatewayWeakCheck, distanceCheck, recordWeakCheck, type WeakChecker, type WeakCheckResult } from "./weak-check";
export { insertPair, type Pair } from "./create-pair";
export { sweepPreference } from "./sweep-preference";
export {
  JUDGE_GIVE_UP_AFTER,
  JUDGE_RETRY_AFTER_MS,
  listJudgeFailures,
  markJudgeFailed,
  retryJudging,
  retryJudgingInput,
} from "./judge-failures";
export {
  PERTURB_GIVE_UP_AFTER,
  PERTURB_RETRY_AFTER_MS,
  listPerturbFailures,
  markPerturbFailed,
  retryPerturbing,
  retryPerturbingInput,
} from "./perturb-runs";
export { cohenKappa, fleissKappa, krippendorffAlphaNominal } from "./agreement";
export { bradleyTerry, type Comparison, type Rating } from "./bradley-terry";
export { goldRate, compareOverlap, GOLD_MIN_DISTANCE, MIN_VISIBLE_DISTANCE } from "./config";
export { nextComparePair, nextComparePairInput, type BlindPair } from "./next-compare-pair";
export { submitLabel, submitLabelInput, LABEL_METRICS, type Reveal } from "./submit-label";
export { getPairImage, getCandidateImage } from "./get-pair-image";
export { saveFix, saveFixInput } from "./save-fix";
export { requestPairs, requestPairsInput } from "./request-pairs";
export { listPairs, listPairsInput, type PairListItem } from "./list-pairs";
export { getPreferenceStats, type PreferenceStats } from "./get-preference-stats";
export { accuracyTable, type AccuracyRow, type JudgedPair } from "./reward-accuracy";
export { leftMemberFor } from "./blind-side";
export { getFixStart, type FixStart } from "./get-fix-start";
export { assertCandidateVisible } from "./candidate-access";
export { seedDemoPairs } from "./seed-demo-pairs";
