// Public API of the reward service: policy rewards in batches and renders for trainers.
export { scorePolicyBatch, scorePolicyBatchInput, MAX_BATCH_ITEMS, rewardLimits } from "./score-policy-batch";
export { renderForTrainer, renderForTrainerInput } from "./render-for-trainer";
export { scoreResponseHeuristic, parseResponse, FORMAT_WEIGHT, type RewardResult } from "./score-response";
export { mapBounded } from "./bounded";
