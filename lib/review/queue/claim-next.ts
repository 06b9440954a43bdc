import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { leaseSeconds, workKind, type Lease } from "./schemas";

export const claimNextInput = z.object({
  kind: workKind,
  /** Items the caller does not want now (the one on screen when prefetching, skipped ones). */
  exclude: z.array(z.uuid()).max(50).default([]),
  leaseSeconds,
});

type Row = { item_id: string; slot: number; expires_at: Date | string; resumed: boolean };

/**
 * Hands the actor the next item of `kind`: the lease they already hold (not
 * excluded) if any, else the highest-priority open slot nobody holds, of an
 * item this user has neither decided nor holds. One statement: the slot is
 * locked with `FOR UPDATE SKIP LOCKED`, so two concurrent claimers never get
 * the same slot; an item with overlap k has k slots, so at most k users hold
 * or decided it. Returns null when nothing is left for this user.
 */
export async function claimNext({ ctx, input }: { ctx: Ctx; input: z.input<typeof claimNextInput> }): Promise<Lease | null> {
  const actor = requireActor(ctx.actor);
  const { kind, exclude, leaseSeconds: secs } = parseInput(claimNextInput, input);
  const excluded = JSON.stringify(exclude);
  const statement = sql`
    with excluded as (select jsonb_array_elements_text(${excluded}::jsonb)::uuid as item_id),
    mine as (
      select item_id, slot, expires_at from work_slots
      where kind = ${kind} and user_id = ${actor.id} and done_at is null and expires_at > now()
        and item_id not in (select item_id from excluded)
      order by claimed_at, item_id limit 1
    ),
    pick as (
      select s.kind, s.item_id, s.slot from work_slots s
      where s.kind = ${kind} and s.done_at is null
        and (s.user_id is null or s.expires_at <= now())
        and not exists (select 1 from mine)
        and s.item_id not in (select item_id from excluded)
        and not exists (
          select 1 from work_slots o
          where o.kind = s.kind and o.item_id = s.item_id and o.user_id = ${actor.id} and o.slot <> s.slot
        )
      order by s.priority desc nulls last, s.created_at, s.item_id, s.slot
      limit 1
      for update of s skip locked
    ),
    claimed as (
      update work_slots w
      set user_id = ${actor.id}, claimed_at = now(), renewed_at = now(), expires_at = now() + make_interval(secs => ${secs})
      from pick where w.kind = pick.kind and w.item_id = pick.item_id and w.slot = pick.slot
      returning w.item_id, w.slot, w.expires_at
    )
    select item_id, slot, expires_at, true as resumed from mine
    union all
    select item_id, slot, expires_at, false as resumed from claimed`;
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = (await ctx.db.execute(statement)) as unknown as Row[];
      if (!row) return null;
      return { kind, itemId: row.item_id, slot: row.slot, expiresAt: new Date(row.expires_at), resumed: row.resumed };
    } catch (e) {
      // The same user claiming in two tabs at once can race for two slots of one item;
      // the unique (kind, item, user) index refuses the second, and a retry picks another.
      if (attempt < 3 && (e as { code?: string; cause?: { code?: string } }).cause?.code === "23505") continue;
      if (attempt < 3 && (e as { code?: string }).code === "23505") continue;
      throw e;
    }
  }
}
