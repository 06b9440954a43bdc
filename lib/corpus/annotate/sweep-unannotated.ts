import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { trajectories } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { requeue } from "@/lib/queue";

/**
 * Re-enqueues annotation for trajectories Postgres says still need it
 * (`imported`), so losing Redis or a worker loses
 * no work. Job ids are derived from (trajectory, version 1), so work
 * already queued is not duplicated and a finished job of that id is replaced
 * (requeue: the last attempt marks the row failed when it can); re-annotations (version > 1) are queued
 * by their bulk action and retried by BullMQ.
 */
export async function sweepUnannotatedTrajectories({ ctx, input }: { ctx: Ctx; input: { olderThanMs?: number; limit?: number } }) {
  const cutoff = new Date(Date.now() - (input.olderThanMs ?? 0));
  const rows = await ctx.db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.status, "imported"), lt(trajectories.createdAt, cutoff)))
    .limit(input.limit ?? 5_000);
  for (const { id } of rows) await requeue("annotate-trajectory", { trajectoryId: id, version: 1 });
  return { enqueued: rows.length };
}
