import "server-only";
import { inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { SPLITS, trajectories } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";

export const updateTrajectoriesInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("move-split"), ids: z.array(z.uuid()).min(1).max(5_000), split: z.enum(SPLITS) }),
  z.object({ action: z.literal("exclude"), ids: z.array(z.uuid()).min(1).max(5_000) }),
  z.object({ action: z.literal("include"), ids: z.array(z.uuid()).min(1).max(5_000) }),
]);

/**
 * Bulk actions of the corpus browser: move to a split, exclude from (or
 * re-include into) snapshots and exports. One statement, audited; the
 * count triggers keep `corpus_counts` exact.
 */
export async function updateTrajectories({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateTrajectoriesInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const parsed = parseInput(updateTrajectoriesInput, input);
  const set = parsed.action === "move-split" ? { split: parsed.split } : { excluded: parsed.action === "exclude" };
  const updated = await ctx.db
    .update(trajectories)
    .set({ ...set, updatedAt: sql`now()` })
    .where(inArray(trajectories.id, parsed.ids))
    .returning({ id: trajectories.id });
  await recordAudit({ ctx, action: `corpus.${parsed.action}`, subjectType: "trajectory", data: { count: updated.length, ...set } });
  return { updated: updated.length };
}
