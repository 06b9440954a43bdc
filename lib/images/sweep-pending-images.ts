import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { requeue } from "@/lib/queue";

/**
 * Re-enqueues every image the database says still needs ingesting. Job ids
 * are derived from the hash, so work already queued is not duplicated, and a
 * finished job of that id is replaced (requeue); this is what makes losing
 * Redis, or a database outage that spent a job's attempts, lose no work.
 */
export async function sweepPendingImages({ ctx, input }: { ctx: Ctx; input: { olderThanMs?: number; limit?: number } }) {
  const cutoff = new Date(Date.now() - (input.olderThanMs ?? 0));
  const pending = await ctx.db
    .select({ sha256: images.sha256 })
    .from(images)
    .where(and(eq(images.status, "pending"), lt(images.createdAt, cutoff)))
    .limit(input.limit ?? 5_000);
  for (const { sha256 } of pending) await requeue("ingest-image", { sha256 });
  return { enqueued: pending.length };
}
