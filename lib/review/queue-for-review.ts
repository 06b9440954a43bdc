import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { workSettings, workSlots } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { enqueueItems } from "./queue";

/** The overlap new review items get (researcher setting; 1 by default). */
export async function reviewOverlap(ctx: Ctx): Promise<number> {
  const [row] = await ctx.db.select({ overlap: workSettings.overlap }).from(workSettings).where(eq(workSettings.kind, "review")).limit(1);
  return row?.overlap ?? 1;
}

/**
 * Puts freshly annotated trajectories in the review queue (system call from
 * the annotation pipeline, inside its transaction). A re-annotation is a new
 * version: its trajectory's old slots are dropped so it is reviewed afresh.
 */
export async function queueForReview({ ctx, input }: { ctx: Ctx; input: { trajectoryIds: string[]; fresh?: boolean } }) {
  if (input.trajectoryIds.length === 0) return { added: 0 };
  const system = { ...ctx, system: true };
  if (input.fresh) await ctx.db.delete(workSlots).where(and(eq(workSlots.kind, "review"), inArray(workSlots.itemId, input.trajectoryIds)));
  return enqueueItems({ ctx: system, input: { kind: "review", itemIds: input.trajectoryIds, overlap: await reviewOverlap(ctx) } });
}
