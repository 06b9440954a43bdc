// Training runs: create, advance (submit/poll/register), trainer events, listing.
export { createTrainingRun, createTrainingRunInput } from "./create-training-run";
export { advanceTrainingRun, metricsFromLog } from "./advance-training-run";
export { recordRunEvents, recordRunEventsInput } from "./record-run-events";
export { registerRunModel } from "./register-run-model";
export { listTrainingRuns, getTrainingRun } from "./list-training-runs";
export { materializeExport } from "./materialize-export";
export { getLocalTrainer, getRayClient, localCommandTemplate, LOCAL_TRAINERS, type LocalTrainerName } from "./get-trainers";
