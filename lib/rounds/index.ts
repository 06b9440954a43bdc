// Public API of the rounds domain: the alternating PGRT schedule and reward-model accuracy per round.
export { startRound, startRoundInput } from "./start-round";
export { advanceRound, type AdvanceResult } from "./advance-round";
export { listRounds, type RoundView } from "./list-rounds";
export { measureAccuracy } from "./measure-accuracy";
export { sweepStalledTraining } from "./sweep-stalled";
