import "server-only";
import { desc, eq } from "drizzle-orm";
import { trainingRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

/** Training runs, newest first, with status, log tail and the latest value of each metric. */
export async function listTrainingRuns({ ctx, roundId }: { ctx: Ctx; roundId?: string }) {
  requireRole(ctx.actor, ["researcher"]);
  const q = ctx.db.select().from(trainingRuns);
  const rows = await (roundId ? q.where(eq(trainingRuns.roundId, roundId)) : q).orderBy(desc(trainingRuns.createdAt)).limit(200);
  return rows.map(publicRun);
}

/** One run. */
export async function getTrainingRun({ ctx, runId }: { ctx: Ctx; runId: string }) {
  requireRole(ctx.actor, ["researcher"]);
  const [row] = await ctx.db.select().from(trainingRuns).where(eq(trainingRuns.id, runId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "No such training run");
  return publicRun(row);
}

function publicRun(r: typeof trainingRuns.$inferSelect) {
  const latest: Record<string, { step: number; value: number }> = {};
  for (const m of r.metrics) if (!latest[m.name] || latest[m.name].step <= m.step) latest[m.name] = { step: m.step, value: m.value };
  return {
    id: r.id,
    roundId: r.roundId,
    kind: r.kind,
    backend: r.backend,
    engine: r.engine,
    status: r.status,
    submissionId: r.submissionId,
    exportId: r.exportId,
    modelId: r.modelId,
    checkpointUri: r.checkpointUri,
    error: r.error,
    logTail: r.logTail,
    latestMetrics: latest,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}
