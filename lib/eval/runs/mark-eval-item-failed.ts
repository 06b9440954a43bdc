import "server-only";
import type { Ctx } from "@/lib/context";
import { evalItems } from "@/db/schema";
import { bumpProgress } from "./score-eval-item";

/**
 * Records an item that could not be scored after every retry (endpoint down,
 * image missing) as `failed`, so the run can finish; failed items are left
 * out of the metric means and counted on the leaderboard.
 */
export async function markEvalItemFailed({ ctx, input }: { ctx: Ctx; input: { runId: string; itemId: string; error: string } }) {
  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(evalItems)
      .values({ runId: input.runId, itemId: input.itemId, parseStatus: "failed", error: input.error.slice(0, 2000) })
      .onConflictDoNothing()
      .returning({ id: evalItems.id });
    if (inserted.length > 0) await bumpProgress(tx, input.runId, false);
    return { recorded: inserted.length > 0 };
  });
}
