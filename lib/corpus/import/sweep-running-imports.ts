import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { imports } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { requeue } from "@/lib/queue";

/**
 * Re-enqueues imports Postgres says are still `running`, so an import whose
 * job was lost with Redis (or never queued) finishes. The job id is the
 * import's, so one still queued or active is not duplicated, one that
 * finished while the run stayed `running` (its attempts spent while the
 * database or blob store was away) is replaced (requeue), and a re-run skips
 * the rows already recorded (runImport resumes).
 */
export async function sweepRunningImports({ ctx, input }: { ctx: Ctx; input: { olderThanMs?: number; limit?: number } }) {
  const cutoff = new Date(Date.now() - (input.olderThanMs ?? 0));
  const rows = await ctx.db
    .select({ id: imports.id })
    .from(imports)
    .where(and(eq(imports.status, "running"), lt(imports.createdAt, cutoff)))
    .limit(input.limit ?? 1_000);
  for (const { id } of rows) await requeue("import-corpus", { importId: id });
  return { enqueued: rows.length };
}
