import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { generatePerturbedPairs, judgePair, markJudgeFailed, markPerturbFailed, rolloutPairs } from "@/lib/preference";
import { failRecorded, isPermanentJobError } from "./fail-recorded";
import type { Processor } from "./types";

function rethrow(e: unknown): never {
  if (isPermanentJobError(e)) throw new UnrecoverableError((e as Error).message);
  throw e;
}

/** Thin: perturbation strategies + perturber role → weak-checked pairs for one instruction; a job that gives up records why. */
export const processPerturb: Processor<"perturb"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    return await generatePerturbedPairs({ ctx, input: payload });
  } catch (e) {
    const permanent = isPermanentJobError(e);
    return failRecorded(job, e, permanent, (error) => markPerturbFailed({ ctx, input: { ...payload, error, permanent } }));
  }
};

/** Thin: n policy samples → weak-checked (user ≻ policy) pairs. */
export const processRollout: Processor<"rollout"> = (payload) => rolloutPairs({ ctx: systemContext(), input: payload }).catch(rethrow);

/** Thin: swapped double judging of one pair by the reward role; a job that gives up records why on the pair. */
export const processJudgePair: Processor<"judge-pair"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    return await judgePair({ ctx, input: payload });
  } catch (e) {
    const permanent = isPermanentJobError(e);
    return failRecorded(job, e, permanent, (error) => markJudgeFailed({ ctx, input: { pairId: payload.pairId, error, permanent } }));
  }
};
