import { mkdtempSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { models, trainingRuns } from "@/db/schema";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { startRayJobsServer } from "@/test/ray-jobs-server";
import { seedSamples } from "@/test/training/training-fixtures";
import { waitFor } from "@/test/wait-for";
import { createExport } from "../export/create-export";
import { advanceTrainingRun } from "./advance-training-run";
import { createTrainingRun } from "./create-training-run";
import { recordRunEvents } from "./record-run-events";

let ctx: Ctx;
let exportId: string;
let ray: Awaited<ReturnType<typeof startRayJobsServer>>;

beforeAll(async () => {
  process.env.TRAINER_WORK_DIR = mkdtempSync(path.join(tmpdir(), "riq-runs-"));
  ray = await startRayJobsServer({ token: "ray-token" });
  process.env.RAY_ADDRESS = ray.url;
  process.env.RAY_TOKEN = "ray-token";
  ctx = createContext({ actor: await makeActor("researcher") });
  const { snapshotId } = await seedSamples(3);
  exportId = (await createExport({ ctx, input: { format: "llamafactory-policy-sft", name: "sft", snapshotId } })).export.id;
});
afterAll(async () => {
  await ray.close();
  delete process.env.RAY_ADDRESS;
});

const advanceUntilDone = async (runId: string) => {
  await waitFor(async () => (await advanceTrainingRun({ ctx: systemContext(), runId })).done, 30_000, "the run to finish");
  const [row] = await getDb().select().from(trainingRuns).where(eq(trainingRuns.id, runId));
  return row;
};

describe("training runs", () => {
  it("runs the local smoke trainer on a materialised export, keeps its log and metrics, and registers the checkpoint as a model after a smoke call", async () => {
    const parent = await getDb()
      .insert(models)
      .values({ name: `parent-${Date.now()}`, role: "policy", backend: "heuristic" })
      .returning({ id: models.id });
    const run = await createTrainingRun({
      ctx,
      input: { kind: "policy", backend: "local", exportId, round: 2, parentModelId: parent[0].id },
    });
    expect(run).toMatchObject({ status: "pending", submissionId: `run-${run.id}-policy` });
    const done = await advanceUntilDone(run.id);
    expect(done.status).toBe("succeeded");
    expect(done.logTail).toMatch(/step 20 loss/);
    expect(done.metrics.filter((m) => m.name === "loss")).toHaveLength(20);
    expect(done.checkpointUri).toMatch(/^file:\/\/.*global_step_20\/actor$/);
    const ckpt = JSON.parse(await readFile(path.join(done.checkpointUri!.slice("file://".length), "model.json"), "utf8"));
    expect(ckpt.rows).toBe(3);

    expect(done.modelId).toEqual(expect.any(String));
    const [model] = await getDb().select().from(models).where(eq(models.id, done.modelId!));
    expect(model).toMatchObject({
      role: "policy",
      round: 2,
      parentId: parent[0].id,
      checkpointUri: done.checkpointUri,
      backend: "heuristic",
      active: false,
    });
    expect(model.name).toMatch(/-heuristic$/);
  });

  it("records a failing command's error and registers nothing", async () => {
    const run = await createTrainingRun({
      ctx,
      input: { kind: "reward", backend: "local", exportId, command: ["/bin/sh", "-c", "echo 'CUDA out of memory' >&2; exit 2"] },
    });
    const done = await advanceUntilDone(run.id);
    expect(done).toMatchObject({ status: "failed", modelId: null });
    expect(done.logTail).toMatch(/CUDA out of memory/);
    expect(done.error).toMatch(/exited with 2/);
  });

  it("submits to Ray once per submission id, follows its states, takes the checkpoint from a trainer event and registers it", async () => {
    const run = await createTrainingRun({ ctx, input: { kind: "reward", backend: "ray", engine: "easyr1", exportId, round: 1 } });
    await advanceTrainingRun({ ctx: systemContext(), runId: run.id });
    await getDb().update(trainingRuns).set({ status: "pending" }).where(eq(trainingRuns.id, run.id));
    await advanceTrainingRun({ ctx: systemContext(), runId: run.id }); // a retried submit
    expect(ray.submitted()).toBe(1);
    const job = ray.jobs.get(run.submissionId)!;
    expect(job.entrypoint).toMatch(/^python3 -m verl\.trainer\.main config=examples\/config\.yaml .*worker\.rollout\.limit_images=3/);
    expect(job.metadata).toMatchObject({ run_id: run.id, kind: "reward", round: "1" });

    ray.setStatus(run.submissionId, "RUNNING");
    ray.appendLog(run.submissionId, "epoch 1: reward/overall 1.4\n");
    expect(await advanceTrainingRun({ ctx: systemContext(), runId: run.id })).toEqual({ status: "running", done: false });

    const researcher = await makeActor("researcher");
    const trainer = createContext({ actor: { ...researcher, via: "token", scopes: ["trainer"] } });
    await recordRunEvents({
      ctx: trainer,
      input: {
        runId: run.id,
        events: [
          { type: "metric", step: 5, name: "reward/overall", value: 1.4 },
          { type: "checkpoint", step: 5, uri: "s3://ckpt/run/global_step_5/actor" },
          { type: "metric", step: 5, name: "reward/overall", value: 9 },
        ],
      },
    });
    const noScope = createContext({ actor: { ...researcher, via: "token", scopes: ["reward"] } });
    await expect(recordRunEvents({ ctx: noScope, input: { runId: run.id, events: [{ type: "log", text: "x" }] } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    ray.setStatus(run.submissionId, "SUCCEEDED");
    const done = await advanceUntilDone(run.id);
    expect(done).toMatchObject({ status: "succeeded", checkpointUri: "s3://ckpt/run/global_step_5/actor" });
    expect(done.logTail).toMatch(/reward\/overall 1\.4/);
    expect(done.metrics).toEqual([expect.objectContaining({ step: 5, name: "reward/overall", value: 1.4 })]);
    const [model] = await getDb().select().from(models).where(eq(models.id, done.modelId!));
    expect(model).toMatchObject({ role: "reward", round: 1 });
  });
});
