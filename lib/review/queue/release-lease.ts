import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { type z } from "zod";
import { workSlots } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { itemRef } from "./schemas";

export const releaseLeaseInput = itemRef;

/** Gives an undecided item back to the queue at once (skip, sign-out). Returns whether a lease was held. */
export async function releaseLease({ ctx, input }: { ctx: Ctx; input: z.input<typeof releaseLeaseInput> }) {
  const actor = requireActor(ctx.actor);
  const { kind, itemId } = parseInput(releaseLeaseInput, input);
  const rows = await ctx.db
    .update(workSlots)
    .set({ userId: null, claimedAt: null, renewedAt: null, expiresAt: null })
    .where(and(eq(workSlots.kind, kind), eq(workSlots.itemId, itemId), eq(workSlots.userId, actor.id), isNull(workSlots.doneAt)))
    .returning({ slot: workSlots.slot });
  return { released: rows.length > 0 };
}
