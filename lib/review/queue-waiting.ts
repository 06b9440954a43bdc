import "server-only";
import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { reviewOverlap } from "./queue-for-review";

/**
 * Sweep: every `in_review` trajectory that has no review slots yet gets them
 * (trajectories annotated before the queue existed, a lost hook). Postgres is
 * the source of truth, so this is safe to run any time.
 */
export async function queueWaitingReviews({ ctx, input = {} }: { ctx: Ctx; input?: { limit?: number } }) {
  const overlap = await reviewOverlap(ctx);
  const rows = await ctx.db.execute(sql`
    insert into work_slots (kind, item_id, slot)
    select 'review', t.id, s.n
    from (select t.id from trajectories t
          where t.status = 'in_review' and not exists (select 1 from work_slots w where w.kind = 'review' and w.item_id = t.id)
          limit ${input.limit ?? 50_000}) t
    cross join generate_series(0, ${overlap - 1}) as s(n)
    on conflict do nothing returning item_id`);
  return { slots: (rows as unknown[]).length };
}
