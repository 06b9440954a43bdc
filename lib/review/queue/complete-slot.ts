import "server-only";
import { sql } from "drizzle-orm";
import { type z } from "zod";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { itemRef } from "./schemas";

export const completeSlotInput = itemRef;

/**
 * `recorded`: this call marked a slot done — write the decision.
 * `duplicate`: the actor already decided this item — write nothing (a double submit).
 * `extra`: the actor's lease was taken over and no slot is free — still write
 * the decision (a submission is never lost; the item just got one more).
 */
export type CompleteOutcome = { outcome: "recorded" | "duplicate" | "extra"; slot: number | null };

type Row = { slot: number; outcome: "recorded" | "duplicate" };

/**
 * Marks the actor's slot on an item decided. Call it inside the domain's
 * decision transaction (pass that transaction as `ctx.db`) so the decision row
 * and the slot change commit together. One statement: the actor's own slot if
 * they hold it (even expired), else a free or expired slot, else the existing
 * done slot (a duplicate).
 */
export async function completeSlot({ ctx, input }: { ctx: Ctx; input: z.input<typeof completeSlotInput> }): Promise<CompleteOutcome> {
  const actor = requireActor(ctx.actor);
  const { kind, itemId } = parseInput(completeSlotInput, input);
  const rows = (await ctx.db.execute(sql`
    with own as (
      update work_slots set done_at = now(), expires_at = null
      where kind = ${kind} and item_id = ${itemId} and user_id = ${actor.id} and done_at is null
      returning slot
    ),
    free as (
      select slot from work_slots
      where kind = ${kind} and item_id = ${itemId} and done_at is null and (user_id is null or expires_at <= now())
        and not exists (select 1 from own)
        and not exists (select 1 from work_slots d where d.kind = ${kind} and d.item_id = ${itemId} and d.user_id = ${actor.id})
      order by slot limit 1 for update skip locked
    ),
    taken as (
      update work_slots w set user_id = ${actor.id}, claimed_at = now(), done_at = now(), expires_at = null
      from free where w.kind = ${kind} and w.item_id = ${itemId} and w.slot = free.slot
      returning w.slot
    )
    select slot, 'recorded' as outcome from own
    union all select slot, 'recorded' from taken
    union all select slot, 'duplicate' from work_slots
      where kind = ${kind} and item_id = ${itemId} and user_id = ${actor.id} and done_at is not null
        and not exists (select 1 from own) and not exists (select 1 from taken)`)) as unknown as Row[];
  const row = rows[0];
  if (!row) return { outcome: "extra", slot: null };
  return { outcome: row.outcome, slot: row.slot };
}
