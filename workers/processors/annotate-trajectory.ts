import { systemContext } from "@/lib/context";
import { annotateTrajectory, markAnnotationFailed } from "@/lib/corpus";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";
import { failRecorded } from "./fail-recorded";
import type { Processor } from "./types";

/** Thin: render → annotate → filter for one trajectory; bad data fails for good, the rest retries. */
export const processAnnotateTrajectory: Processor<"annotate-trajectory"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    return await annotateTrajectory({ ctx, input: payload });
  } catch (e) {
    const permanent = e instanceof ImageError || (isAppError(e) && e.code === "NOT_FOUND");
    return failRecorded(job, e, permanent, (error) => markAnnotationFailed({ ctx, input: { trajectoryId: payload.trajectoryId, error } }));
  }
};
