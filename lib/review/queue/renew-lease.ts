import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { type z } from "zod";
import { workSlots } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { itemRef, leaseSeconds } from "./schemas";

export const renewLeaseInput = itemRef.extend({ leaseSeconds });

/**
 * Extends the actor's lease on an item (the page calls this while it is
 * open). A lease that expired but nobody took is renewed too; one another
 * user has taken since is gone: CONFLICT.
 */
export async function renewLease({ ctx, input }: { ctx: Ctx; input: z.input<typeof renewLeaseInput> }) {
  const actor = requireActor(ctx.actor);
  const { kind, itemId, leaseSeconds: secs } = parseInput(renewLeaseInput, input);
  const [row] = await ctx.db
    .update(workSlots)
    .set({ renewedAt: sql`now()`, expiresAt: sql`now() + make_interval(secs => ${secs})` })
    .where(and(eq(workSlots.kind, kind), eq(workSlots.itemId, itemId), eq(workSlots.userId, actor.id), isNull(workSlots.doneAt)))
    .returning({ expiresAt: workSlots.expiresAt });
  if (!row) throw new AppError("CONFLICT", "Your hold on this item ran out and someone else has it now");
  return { expiresAt: row.expiresAt! };
}
