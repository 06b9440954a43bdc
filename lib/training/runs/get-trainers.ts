import "server-only";
import path from "node:path";
import { createRayJobsClient, type RayJobsClient } from "../backends/ray-jobs-client";
import { createLocalTrainer, type LocalTrainer } from "../backends/local-trainer";

let local: LocalTrainer | null = null;

/** The `local` backend; runs live under `TRAINER_WORK_DIR` (default `./data/training-runs`). */
export function getLocalTrainer(): LocalTrainer {
  local ??= createLocalTrainer({ workDir: process.env.TRAINER_WORK_DIR || path.join(process.env.DATA_DIR || "./data", "training-runs") });
  return local;
}

/** The `ray` backend, from `RAY_ADDRESS` (dashboard URL) and `RAY_TOKEN`; null when not configured. */
export function getRayClient(): RayJobsClient | null {
  const baseUrl = process.env.RAY_ADDRESS;
  return baseUrl ? createRayJobsClient({ baseUrl, token: process.env.RAY_TOKEN || undefined }) : null;
}

/**
 * The local training command, as argv with `{dataDir}`, `{checkpointDir}`,
 * `{kind}`, `{runId}`, `{round}`, `{eventsUrl}` placeholders. From
 * `TRAINER_LOCAL_COMMAND` (a JSON array), else the stdlib smoke trainer.
 */
export function localCommandTemplate(): string[] {
  const raw = process.env.TRAINER_LOCAL_COMMAND;
  if (raw) {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === "string")) throw new RangeError("TRAINER_LOCAL_COMMAND must be a JSON array of strings");
    return parsed as string[];
  }
  return [process.env.TRAINER_PYTHON || "/usr/bin/python3", "training/local/smoke_train.py", "--data", "{dataDir}", "--out", "{checkpointDir}", "--kind", "{kind}", "--events-url", "{eventsUrl}"];
}
