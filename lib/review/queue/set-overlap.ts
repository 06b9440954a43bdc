import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { workKind } from "./schemas";

export const setOverlapInput = z.object({ kind: workKind, overlap: z.number().int().min(1).max(10) });

/**
 * Researcher: every queued item of `kind` now needs `overlap` decisions.
 * Raising it adds free slots (decided items come back to other users);
 * lowering it removes free slots only: held and decided ones stay.
 */
export async function setOverlap({ ctx, input }: { ctx: Ctx; input: z.input<typeof setOverlapInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { kind, overlap } = parseInput(setOverlapInput, input);
  return ctx.db.transaction(async (tx) => {
    const added = await tx.execute(sql`
      insert into work_slots (kind, item_id, slot, priority, created_at)
      select i.kind, i.item_id, s.n, i.priority, i.created_at
      from (select kind, item_id, max(priority) as priority, min(created_at) as created_at from work_slots where kind = ${kind} group by kind, item_id) i
      cross join generate_series(0, ${overlap - 1}) as s(n)
      on conflict do nothing returning item_id`);
    const removed = await tx.execute(sql`
      delete from work_slots
      where kind = ${kind} and slot >= ${overlap} and done_at is null and (user_id is null or expires_at <= now())
      returning item_id`);
    return { slotsAdded: (added as unknown[]).length, slotsRemoved: (removed as unknown[]).length };
  });
}
