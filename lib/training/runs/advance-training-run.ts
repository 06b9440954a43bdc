import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { trainingRuns, type RunMetric, type TrainingRunStatus } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { RayJobsError } from "../backends/ray-jobs-client";
import { renderJobTemplate, type TemplateEngine } from "../templates/render-job-template";
import { getLocalTrainer, getRayClient } from "./get-trainers";
import { localPlaceholders } from "./local-placeholders";
import { materializeExport } from "./materialize-export";
import { registerRunModel } from "./register-run-model";

const TERMINAL: TrainingRunStatus[] = ["succeeded", "failed", "stopped"];
const FROM_BACKEND: Record<string, TrainingRunStatus> = {
  PENDING: "submitted",
  RUNNING: "running",
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  STOPPED: "stopped",
};
const LOG_TAIL_CHARS = 4000;

/**
 * Moves a training run one step: submits a pending run (idempotent on its
 * submission id), else polls the backend for status and the log tail (and,
 * for local runs, the checkpoint and `step N name value` metrics from the
 * log); a succeeded run with a checkpoint gets its model registered. Returns
 * whether the run is finished, so the job knows to stop polling.
 */
export async function advanceTrainingRun({
  ctx,
  runId,
}: {
  ctx: Ctx;
  runId: string;
}): Promise<{ status: TrainingRunStatus; done: boolean }> {
  const [run] = await ctx.db.select().from(trainingRuns).where(eq(trainingRuns.id, runId)).limit(1);
  if (!run) throw new AppError("NOT_FOUND", "No such training run");
  if (TERMINAL.includes(run.status)) {
    if (run.status === "succeeded" && !run.modelId && run.checkpointUri && !run.error) await registerRunModel({ ctx, run });
    return { status: run.status, done: true };
  }
  try {
    if (run.status === "pending") {
      await submit(ctx, run);
      return { status: "submitted", done: false };
    }
    return await poll(ctx, run);
  } catch (error) {
    if (error instanceof RayJobsError) throw new AppError(error.kind === "auth" ? "FORBIDDEN" : "UNAVAILABLE", error.message);
    throw error;
  }
}

type Run = typeof trainingRuns.$inferSelect;
const appUrl = () => (process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, "");

async function submit(ctx: Ctx, run: Run) {
  const config = run.config as { argv?: string[]; round?: number; modelPath?: string };
  if (run.backend === "local") {
    const trainer = getLocalTrainer();
    const dir = trainer.dirOf(run.submissionId);
    const dataDir = await materializeExport({ ctx, exportId: run.exportId!, dir: path.join(dir, "data") });
    const { values, env } = await localPlaceholders({ ctx, run, dir, dataDir });
    const argv = (config.argv ?? []).map((a) => a.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m));
    await trainer.submit({ submissionId: run.submissionId, argv, env });
    await ctx.db
      .update(trainingRuns)
      .set({ status: "submitted", entrypoint: argv.join(" "), updatedAt: new Date() })
      .where(eq(trainingRuns.id, run.id));
    return;
  }
  const ray = getRayClient();
  if (!ray) throw new AppError("UNAVAILABLE", "RAY_ADDRESS is not set: no Ray cluster to submit to");
  const root = (process.env.RAY_DATA_ROOT || "/data/retouchiq").replace(/\/+$/, "");
  const job = renderJobTemplate({
    engine: run.engine as TemplateEngine,
    vars: {
      runId: run.id,
      kind: run.kind,
      round: config.round ?? 0,
      dataDir: `${root}/exports/${run.exportId}`,
      modelPath: config.modelPath ?? "Qwen/Qwen2.5-VL-7B-Instruct",
      checkpointDir: `${root}/checkpoints/${run.id}`,
      experiment: `round${config.round ?? 0}-${run.kind}-${run.id.slice(0, 8)}`,
      rewardUrl: `${appUrl()}/api/v1/rewards/policy:batch`,
      apiToken: process.env.RAY_TRAINER_TOKEN ?? "",
    },
  });
  await ray.submit({
    entrypoint: job.entrypoint,
    submissionId: run.submissionId,
    runtimeEnv: job.runtimeEnv,
    metadata: { run_id: run.id, kind: run.kind, round: String(config.round ?? 0) },
  });
  await ctx.db
    .update(trainingRuns)
    .set({ status: "submitted", entrypoint: job.entrypoint, updatedAt: new Date() })
    .where(eq(trainingRuns.id, run.id));
}

async function poll(ctx: Ctx, run: Run): Promise<{ status: TrainingRunStatus; done: boolean }> {
  let status: TrainingRunStatus;
  let logs: string;
  let message = "";
  let checkpointUri = run.checkpointUri;
  let metrics = run.metrics;
  if (run.backend === "local") {
    const trainer = getLocalTrainer();
    const s = await trainer.status(run.submissionId);
    status = FROM_BACKEND[s.status];
    message = s.message;
    logs = await trainer.logs(run.submissionId);
    metrics = mergeMetrics(run.metrics, metricsFromLog(logs));
    if (status === "succeeded") checkpointUri ??= await localCheckpoint(path.join(trainer.dirOf(run.submissionId), "checkpoints"));
  } else {
    const ray = getRayClient();
    if (!ray) throw new AppError("UNAVAILABLE", "RAY_ADDRESS is not set");
    const d = await ray.status(run.submissionId);
    status = FROM_BACKEND[d.status];
    message = d.message ?? "";
    logs = await ray.logs(run.submissionId);
  }
  const done = TERMINAL.includes(status);
  await ctx.db
    .update(trainingRuns)
    .set({
      status,
      logTail: logs.slice(-LOG_TAIL_CHARS),
      metrics,
      checkpointUri,
      error:
        status === "failed"
          ? message || "the training command failed"
          : status === "succeeded" && !checkpointUri
            ? "finished without a checkpoint"
            : null,
      updatedAt: new Date(),
      ...(done ? { finishedAt: new Date() } : {}),
    })
    .where(eq(trainingRuns.id, run.id));
  if (status === "succeeded" && checkpointUri) await registerRunModel({ ctx, run: { ...run, status, checkpointUri } });
  return { status, done };
}

async function localCheckpoint(dir: string): Promise<string | null> {
  const tracker = await readFile(path.join(dir, "checkpoint_tracker.json"), "utf8").catch(() => null);
  if (!tracker) return null;
  const { last_actor_path } = JSON.parse(tracker) as { last_actor_path?: string };
  return last_actor_path ? `file://${path.resolve(dir, last_actor_path)}` : null;
}

/** `step 12 loss 0.41` lines in a trainer's log, as metric points. */
export function metricsFromLog(log: string): RunMetric[] {
  const at = new Date().toISOString();
  return [...log.matchAll(/^step (\d+) ([\w/.-]+) (-?\d+(?:\.\d+)?(?:e-?\d+)?)$/gm)].map((m) => ({
    step: Number(m[1]),
    name: m[2],
    value: Number(m[3]),
    at,
  }));
}

/** Adds new (step, name) points, keeping what was already recorded. */
export function mergeMetrics(old: RunMetric[], fresh: RunMetric[]): RunMetric[] {
  const seen = new Set(old.map((m) => `${m.step}:${m.name}`));
  const added = fresh.filter((m) => {
    const key = `${m.step}:${m.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...old, ...added].slice(-2000);
}
