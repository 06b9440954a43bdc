import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { enqueue } from "@/lib/queue";
import { advanceTrainingRun } from "@/lib/training/runs";
import type { Processor } from "./types";

/** Thin: one step of a training run; while it is not finished, poll again after TRAINING_POLL_MS. */
export const processAdvanceTrainingRun: Processor<"advance-training-run"> = async (payload) => {
  try {
    const { status, done } = await advanceTrainingRun({ ctx: systemContext(), runId: payload.runId });
    if (!done)
      await enqueue(
        "advance-training-run",
        { runId: payload.runId, tick: payload.tick + 1 },
        { delay: Number(process.env.TRAINING_POLL_MS ?? 5_000) },
      );
    return { status };
  } catch (e) {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) throw new UnrecoverableError(e.message);
    throw e;
  }
};
