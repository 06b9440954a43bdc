import { UnrecoverableError } from "bullmq";
import { systemContext } from "@/lib/context";
import { markEvalItemFailed, scoreEvalItem } from "@/lib/eval";
import { isAppError } from "@/lib/errors";
import { ImageError } from "@/lib/imaging";
import type { Processor } from "./types";

/** Thin: score one benchmark item of one run; bad data fails for good (recorded), the rest retries. */
export const processEvalItem: Processor<"eval-item"> = async (payload, job) => {
  const ctx = systemContext();
  // Test hook: slows each item so a browser test can restart workers mid-run.
  const delay = Number(process.env.EVAL_ITEM_DELAY_MS ?? 0);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  try {
    return await scoreEvalItem({ ctx, input: payload });
  } catch (e) {
    const permanent = e instanceof ImageError || (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION"));
    if (permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
      await markEvalItemFailed({ ctx, input: { ...payload, error: (e as Error).message } });
    }
    if (permanent) throw new UnrecoverableError((e as Error).message);
    throw e;
  }
};
