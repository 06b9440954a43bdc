import { systemContext } from "@/lib/context";
import { markEvalItemFailed, scoreEvalItem } from "@/lib/eval";
import { failRecorded, isPermanentJobError } from "./fail-recorded";
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
    return failRecorded(job, e, isPermanentJobError(e), (error) => markEvalItemFailed({ ctx, input: { ...payload, error } }));
  }
};
