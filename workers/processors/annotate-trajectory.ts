import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { annotateTrajectory, markAnnotationFailed } from "@/lib/corpus";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";
import type { Processor } from "./types";

/** Thin: render → annotate → filter for one trajectory; bad data fails for good, the rest retries. */
export const processAnnotateTrajectory: Processor<"annotate-trajectory"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    return await annotateTrajectory({ ctx, input: payload });
  } catch (e) {
    const permanent = e instanceof ImageError || (isAppError(e) && e.code === "NOT_FOUND");
    if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await markAnnotationFailed({ ctx, input: { trajectoryId: payload.trajectoryId, error: (e as Error).message } });
    }
    if (permanent) throw new UnrecoverableError((e as Error).message);
    throw e;
  }
};
