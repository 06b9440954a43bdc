import "server-only";
import { asc, inArray } from "drizzle-orm";
import { models, roundAccuracy, rounds, trainingExports, trainingRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** Every round in order with its steps, accuracy per set, policy score, and the runs, exports and models behind them. */
export async function listRounds({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["researcher"]);
  const rows = await ctx.db.select().from(rounds).orderBy(asc(rounds.number)).limit(500);
  const ids = rows.map((r) => r.id);
  const acc = ids.length ? await ctx.db.select().from(roundAccuracy).where(inArray(roundAccuracy.roundId, ids)) : [];
  const runIds = rows.flatMap((r) => [r.rewardRunId, r.policyRunId]).filter((x): x is string => !!x);
  const runs = runIds.length
    ? await ctx.db
        .select({ id: trainingRuns.id, status: trainingRuns.status, logTail: trainingRuns.logTail, error: trainingRuns.error })
        .from(trainingRuns)
        .where(inArray(trainingRuns.id, runIds))
    : [];
  const exportIds = rows.flatMap((r) => [r.rewardExportId, r.policyExportId]).filter((x): x is string => !!x);
  const exports = exportIds.length
    ? await ctx.db
        .select({ id: trainingExports.id, name: trainingExports.name, hash: trainingExports.hash, format: trainingExports.format })
        .from(trainingExports)
        .where(inArray(trainingExports.id, exportIds))
    : [];
  const modelIds = rows.flatMap((r) => [r.rewardModelId, r.policyModelId]).filter((x): x is string => !!x);
  const modelRows = modelIds.length
    ? await ctx.db.select({ id: models.id, name: models.name, backend: models.backend }).from(models).where(inArray(models.id, modelIds))
    : [];
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const runMap = byId(runs);
  const exportMap = byId(exports);
  const modelMap = byId(modelRows);
  const pick = <T>(m: Map<string, T>, id: string | null) => (id ? (m.get(id) ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    step: r.step,
    steps: r.steps,
    backend: r.backend,
    error: r.error,
    snapshotId: r.snapshotId,
    accuracy: acc
      .filter((a) => a.roundId === r.id)
      .map(({ set, n, accuracy, lo, hi, positionBias, randomBaseline, biggerChangeBaseline }) => ({
        set,
        n,
        accuracy,
        lo,
        hi,
        positionBias,
        randomBaseline,
        biggerChangeBaseline,
      })),
    policyScore: r.policyScore === null ? null : { mean: r.policyScore, lo: r.policyScoreLo, hi: r.policyScoreHi, n: r.policyScoreN },
    rewardRun: pick(runMap, r.rewardRunId),
    policyRun: pick(runMap, r.policyRunId),
    rewardExport: pick(exportMap, r.rewardExportId),
    policyExport: pick(exportMap, r.policyExportId),
    rewardModel: pick(modelMap, r.rewardModelId),
    policyModel: pick(modelMap, r.policyModelId),
    createdAt: r.createdAt.toISOString(),
  }));
}
export type RoundView = Awaited<ReturnType<typeof listRounds>>[number];
