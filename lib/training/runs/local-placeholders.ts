import "server-only";
import path from "node:path";
import { eq } from "drizzle-orm";
import { models, type trainingRuns } from "@/db/schema";
import { appUrl } from "@/lib/config/env";
import type { Ctx } from "@/lib/context";

type Run = typeof trainingRuns.$inferSelect;

/** A model's checkpoint as a local path ("" when it has none on this machine). */
async function checkpointPath(ctx: Ctx, modelId: string | null | undefined): Promise<string> {
  if (!modelId) return "";
  const [m] = await ctx.db.select({ uri: models.checkpointUri }).from(models).where(eq(models.id, modelId)).limit(1);
  return m?.uri?.startsWith("file://") ? m.uri.slice("file://".length) : "";
}

/**
 * What a local run's argv placeholders stand for. `{eventsUrl}` is the run-events
 * route only when `TRAINER_EVENTS_TOKEN` (a `trainer`-scoped API token) is set:
 * without one the trainer could not post, and its `step N name value` log
 * lines are read instead. The token travels in the env, never in argv.
 */
export async function localPlaceholders({ ctx, run, dir, dataDir }: { ctx: Ctx; run: Run; dir: string; dataDir: string }) {
  const config = run.config as { round?: number; parentModelId?: string | null; rewardModelId?: string | null };
  const token = process.env.TRAINER_EVENTS_TOKEN ?? "";
  const values: Record<string, string> = {
    dataDir,
    checkpointDir: path.join(dir, "checkpoints"),
    kind: run.kind,
    runId: run.id,
    round: String(config.round ?? 0),
    eventsUrl: token ? `${appUrl().replace(/\/+$/, "")}/api/v1/training-runs/${run.id}/events` : "",
    parentCheckpoint: await checkpointPath(ctx, config.parentModelId),
    rewardCheckpoint: await checkpointPath(ctx, config.rewardModelId),
  };
  const env: Record<string, string> = { RIQ_RUN_ID: run.id, ...(token ? { RIQ_API_TOKEN: token, RETOUCHIQ_TOKEN: token } : {}) };
  return { values, env };
}
