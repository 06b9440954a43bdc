import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";
import { generatePerturbedPairs, judgePair, rolloutPairs } from "@/lib/preference";
import type { Processor } from "./types";

/** Missing rows and undecodable images cannot be fixed by retrying; model outages can. */
function rethrow(e: unknown): never {
  if (e instanceof ImageError || (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION"))) throw new UnrecoverableError((e as Error).message);
  throw e;
}

/** Thin: perturbation strategies + perturber role → weak-checked pairs for one instruction. */
export const processPerturb: Processor<"perturb"> = (payload) => generatePerturbedPairs({ ctx: systemContext(), input: payload }).catch(rethrow);

/** Thin: n policy samples → weak-checked (user ≻ policy) pairs. */
export const processRollout: Processor<"rollout"> = (payload) => rolloutPairs({ ctx: systemContext(), input: payload }).catch(rethrow);

/** Thin: swapped double judging of one pair by the reward role. */
export const processJudgePair: Processor<"judge-pair"> = (payload) => judgePair({ ctx: systemContext(), input: payload }).catch(rethrow);
