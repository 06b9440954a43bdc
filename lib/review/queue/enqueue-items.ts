import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { workKind } from "./schemas";

export const enqueueItemsInput = z.object({
  kind: workKind,
  itemIds: z.array(z.uuid()).min(1).max(10_000),
  /** How many different users must decide each item. */
  overlap: z.number().int().min(1).max(10).default(1),
  priority: z.number().int().min(-1_000).max(1_000).default(0),
});

/**
 * Puts items in the queue with `overlap` slots each. Idempotent: an item
 * already queued keeps its slots, holders and decisions. System callers
 * (pipelines) and researchers may enqueue.
 */
export async function enqueueItems({ ctx, input }: { ctx: Ctx; input: z.input<typeof enqueueItemsInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { kind, itemIds, overlap, priority } = parseInput(enqueueItemsInput, input);
  const rows = await ctx.db.execute(sql`
    insert into work_slots (kind, item_id, slot, priority)
    select ${kind}, i.id::uuid, s.n, ${priority}
    from jsonb_array_elements_text(${JSON.stringify(itemIds)}::jsonb) as i(id)
    cross join generate_series(0, ${overlap - 1}) as s(n)
    where not exists (select 1 from work_slots w where w.kind = ${kind} and w.item_id = i.id::uuid)
    on conflict do nothing
    returning item_id`);
  return { added: new Set((rows as unknown as { item_id: string }[]).map((r) => r.item_id)).size };
}
