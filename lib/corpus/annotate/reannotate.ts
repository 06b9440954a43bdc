import "server-only";
import { inArray, max } from "drizzle-orm";
import { z } from "zod";
import { instructions, trajectories } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { enqueue } from "@/lib/queue";

export const reannotateInput = z.object({ ids: z.array(z.uuid()).min(1).max(5_000) });

/**
 * Queues a new annotation version (latest + 1) for each trajectory, e.g.
 * after switching the annotator model or prompt. Earlier versions stay.
 */
export async function reannotateTrajectories({ ctx, input }: { ctx: Ctx; input: z.input<typeof reannotateInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { ids } = parseInput(reannotateInput, input);
  const latest = await ctx.db
    .select({ id: instructions.trajectoryId, version: max(instructions.version) })
    .from(instructions)
    .where(inArray(instructions.trajectoryId, ids))
    .groupBy(instructions.trajectoryId);
  const versions = new Map(latest.map((r) => [r.id, r.version ?? 0]));
  const found = await ctx.db.select({ id: trajectories.id }).from(trajectories).where(inArray(trajectories.id, ids));
  for (const { id } of found) await enqueue("annotate-trajectory", { trajectoryId: id, version: (versions.get(id) ?? 0) + 1 });
  return { queued: found.length };
}
