import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";
import { ingestImage, markImageFailed } from "@/lib/images";
import type { Processor } from "./types";

/** Thin: call the verb; a bad image fails for good, anything else retries. */
export const processIngestImage: Processor<"ingest-image"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    await job.updateProgress(10).catch(() => undefined); // progress is cosmetic: never fail the work over it
    const result = await ingestImage({ ctx, input: payload });
    await job.updateProgress(100).catch(() => undefined);
    return result;
  } catch (e) {
    // A bad image or a missing original cannot be fixed by retrying.
    if (e instanceof ImageError || (isAppError(e) && e.code === "NOT_FOUND")) {
      await markImageFailed({ ctx, input: { sha256: payload.sha256, error: e.message } });
      throw new UnrecoverableError(e.message);
    }
    throw e;
  }
};
