import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";
import { generatePerturbedPairs, judgePair, markJudgeFailed, rolloutPairs } from "@/lib/preference";
import type { Processor } from "./types";

/** Missing rows and undecodable images cannot be fixed by retrying; model outages can. */
const isPermanent = (e: unknown) => e instanceof ImageError || (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION"));

function rethrow(e: unknown): never {
  if (isPermanent(e)) throw new UnrecoverableError((e as Error).message);
  throw e;
}

/** Thin: perturbation strategies + perturber role → weak-checked pairs for one instruction. */
export const processPerturb: Processor<"perturb"> = (payload) =>
  generatePerturbedPairs({ ctx: systemContext(), input: payload }).catch(rethrow);

/** Thin: n policy samples → weak-checked (user ≻ policy) pairs. */
export const processRollout: Processor<"rollout"> = (payload) => rolloutPairs({ ctx: systemContext(), input: payload }).catch(rethrow);

/** Thin: swapped double judging of one pair by the reward role; a job that gives up records why on the pair. */
export const processJudgePair: Processor<"judge-pair"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    return await judgePair({ ctx, input: payload });
  } catch (e) {
    const permanent = isPermanent(e);
    if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await markJudgeFailed({ ctx, input: { pairId: payload.pairId, error: (e as Error).message, permanent } });
    }
    return rethrow(e);
  }
};
