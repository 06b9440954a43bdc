import "server-only";
import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { requeue } from "@/lib/queue";

/**
 * Re-queues every item of an unfinished run (queued/running) that has no
 * row yet and was started more than `olderThanMs` ago. Job ids are
 * per (run, item), so an item already queued or running is not doubled,
 * and a scored item is skipped by the processor anyway. A job of such an
 * item that already failed is replaced (requeue): its last attempt could not
 * record the failure (the database was away), and left alone it would keep
 * the run unfinished for good. An item that fails for good is recorded as
 * failed on its last attempt, so it is not swept again.
 */
export async function sweepEvalRuns({ ctx, input }: { ctx: Ctx; input: { olderThanMs: number; limit?: number } }) {
  const rows = (await ctx.db.execute(sql`
    select r.id as run_id, bi.id as item_id
    from eval_runs r
    join benchmark_items bi on bi.benchmark_id = r.benchmark_id
    where r.status in ('queued', 'running') and r.created_at < now() - make_interval(secs => ${input.olderThanMs / 1000})
      and not exists (select 1 from eval_items ei where ei.run_id = r.id and ei.item_id = bi.id)
    order by r.created_at, bi.position
    limit ${input.limit ?? 5000}`)) as unknown as { run_id: string; item_id: string }[];
  let queued = 0;
  for (const r of rows) {
    await requeue("eval-item", { runId: r.run_id, itemId: r.item_id });
    queued++;
  }
  return queued;
}
