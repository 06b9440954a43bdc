import "server-only";
import { and, eq } from "drizzle-orm";
import { workSlots } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** May this actor see this trajectory? Annotators: only items they hold or decided; everyone else: any. */
export async function canSeeItem(ctx: Ctx, trajectoryId: string): Promise<boolean> {
  const actor = requireActor(ctx.actor);
  if (actor.role !== "annotator") return true;
  const [slot] = await ctx.db
    .select({ slot: workSlots.slot })
    .from(workSlots)
    .where(and(eq(workSlots.kind, "review"), eq(workSlots.itemId, trajectoryId), eq(workSlots.userId, actor.id)))
    .limit(1);
  return Boolean(slot);
}
