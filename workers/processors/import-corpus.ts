import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { markImportFailed, runImport } from "@/lib/corpus";
import { isAppError } from "@/lib/errors";
import type { Processor } from "./types";

/** Thin: run (or resume) the import; progress goes to the imports row, which the UI polls. */
export const processImportCorpus: Processor<"import-corpus"> = async (payload, job) => {
  const ctx = systemContext();
  try {
    return await runImport({
      ctx,
      input: payload,
      onProgress: (p) => void job.updateProgress(p.total ? Math.round((100 * p.done) / p.total) : 0).catch(() => undefined),
    });
  } catch (e) {
    // An unreadable source or a missing run cannot be fixed by retrying.
    if (isAppError(e) && (e.code === "VALIDATION" || e.code === "NOT_FOUND")) {
      await markImportFailed({ ctx, input: { importId: payload.importId, error: e.message } });
      throw new UnrecoverableError(e.message);
    }
    throw e;
  }
};
