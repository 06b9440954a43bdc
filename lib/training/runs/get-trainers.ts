import "server-only";
import path from "node:path";
import { createRayJobsClient, type RayJobsClient } from "../backends/ray-jobs-client";
import { createLocalTrainer, type LocalTrainer } from "../backends/local-trainer";

let local: LocalTrainer | null = null;

/** Where the `local` backend keeps its runs (and the compact model server its state): `TRAINER_WORK_DIR`, default `./data/training-runs`. */
export const trainerWorkDir = () => process.env.TRAINER_WORK_DIR || path.join(process.env.DATA_DIR || "./data", "training-runs");

/** The `local` backend; runs live under `trainerWorkDir()`. */
export function getLocalTrainer(): LocalTrainer {
  local ??= createLocalTrainer({ workDir: trainerWorkDir() });
  return local;
}

/** The `ray` backend, from `RAY_ADDRESS` (dashboard URL) and `RAY_TOKEN`; null when not configured. */
export function getRayClient(): RayJobsClient | null {
  const baseUrl = process.env.RAY_ADDRESS;
  return baseUrl ? createRayJobsClient({ baseUrl, token: process.env.RAY_TOKEN || undefined }) : null;
}

/** Training commands the `local` backend knows by name: the stdlib smoke stand-in, and the compact PyTorch trainer. */
export const LOCAL_TRAINERS = ["smoke", "compact"] as const;
export type LocalTrainerName = (typeof LOCAL_TRAINERS)[number];

export const trainerPython = () => process.env.TRAINER_PYTHON || "/usr/bin/python3";

/**
 * The local training command, as argv with `{dataDir}`, `{checkpointDir}`,
 * `{kind}`, `{runId}`, `{round}`, `{eventsUrl}`, `{parentCheckpoint}` (the
 * parent model's checkpoint path) and `{rewardCheckpoint}` (a policy run's
 * reward model) placeholders. A named trainer gives its command; otherwise
 * `TRAINER_LOCAL_COMMAND` (a JSON array), else the smoke trainer.
 * `TRAINER_COMPACT_SCALE` multiplies the compact trainer's step counts (CI: small).
 */
export function localCommandTemplate(trainer?: LocalTrainerName): string[] {
  if (trainer === "compact") {
    return [
      trainerPython(),
      "training/compact/train.py",
      "--kind",
      "{kind}",
      "--data",
      "{dataDir}",
      "--out",
      "{checkpointDir}",
      "--round",
      "{round}",
      "--init",
      "{parentCheckpoint}",
      "--reward",
      "{rewardCheckpoint}",
      "--events-url",
      "{eventsUrl}",
      "--scale",
      process.env.TRAINER_COMPACT_SCALE || "1",
    ];
  }
  const raw = process.env.TRAINER_LOCAL_COMMAND;
  if (raw && !trainer) {
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === "string"))
      throw new RangeError("TRAINER_LOCAL_COMMAND must be a JSON array of strings");
    return parsed as string[];
  }
  return [
    trainerPython(),
    "training/local/smoke_train.py",
    "--data",
    "{dataDir}",
    "--out",
    "{checkpointDir}",
    "--kind",
    "{kind}",
    "--events-url",
    "{eventsUrl}",
  ];
}
