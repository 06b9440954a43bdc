import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/queue";
import { advanceRound } from "@/lib/rounds";
import type { Processor } from "./types";

/** Thin: one step of a round's state machine; re-enqueued while the round is not finished. */
export const processAdvanceRound: Processor<"advance-round"> = async (payload) => {
  try {
    const { step, done, waitMs } = await advanceRound({ ctx: systemContext(), roundId: payload.roundId });
    if (!done) await enqueue("advance-round", { roundId: payload.roundId, tick: payload.tick + 1 }, { delay: waitMs });
    return { step };
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) throw new UnrecoverableError(e.message);
    throw e;
  }
};
