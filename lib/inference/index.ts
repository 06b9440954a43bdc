// Public API of the model gateway: roles (annotator, perturber, policy, reward,
// judge), model configuration verbs, the call log, the circuit breaker and the
// queue-pause helper. Workers never talk to a model directly.
export { annotate, perturb, proposeEdit, scorePair, judgeEdit } from "./role-verbs";
export { runRole, type InferenceResult } from "./gateway/run-role";
export { ROLE_SPECS, type RoleName, type RoleInput, type RoleOutput } from "./roles";
export type { ImageRef, EditRef } from "./roles/refs";
export type { AnnotatorOutput } from "./roles/annotator";
export type { PerturberOutput } from "./roles/perturber";
export type { PolicyOutput } from "./roles/policy";
export type { RewardOutput } from "./roles/reward";
export type { JudgeOutput } from "./roles/judge";
export { PQ_WORDINGS, type PqWording } from "./heuristic/judge-edit";
export { LEXICON } from "./heuristic/lexicon";
export { listModels } from "./models/list-models";
export { createModel, createModelInput } from "./models/create-model";
export { updateModel, updateModelInput } from "./models/update-model";
export { setModelActive } from "./models/set-model-active";
export { testModelConnection, type ConnectionReport } from "./models/test-model-connection";
export { ensureDefaultModels } from "./models/ensure-default-models";
export { getActiveModel, invalidateModelCache } from "./models/get-active-model";
export type { PublicModel } from "./models/public-model";
export type { ModelConfig, ModelRef } from "./models/model-config";
export { loadPrompt, listPromptVersions } from "./prompts/load-prompt";
export { getBreakerState, probeOpenBreakers, closeBreaker, stopBreakerProbers } from "./gateway/circuit-breaker";
export { linkQueueToEndpoint, setQueuePaused } from "./gateway/queue-pause";
export { slotsInUse } from "./gateway/concurrency-limiter";
export { closeInferenceRedis } from "./gateway/redis";
export { flushCallLog } from "./gateway/deferred-call-log";
export { contributionScale, rankContributions, type Contribution } from "./heuristic/param-effects";
export { sweepAbandonedCalls } from "./gateway/sweep-abandoned-calls";
