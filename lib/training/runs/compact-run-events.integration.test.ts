// A compact reward-model run on the local backend with TRAINER_EVENTS_TOKEN set: the trainer posts its
// metrics and checkpoint to the run-events route (served here by a small HTTP server in front of
// recordRunEvents, with the token's trainer scope), and every post is accepted. Needs torch.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { trainingRuns } from "@/db/schema";
import { createContext, systemContext } from "@/lib/context";
import { isAppError } from "@/lib/errors";
import { makeActor } from "@/test/actors";
import { seedPairs, seedSamples } from "@/test/training/training-fixtures";
import { waitFor } from "@/test/wait-for";
import { createExport } from "../export/create-export";
import { stopCompactServer } from "../serve/compact-server";
import { advanceTrainingRun } from "./advance-training-run";
import { createTrainingRun } from "./create-training-run";
import { recordRunEvents } from "./record-run-events";

const PYTHON = process.env.TRAINER_PYTHON ?? "/usr/bin/python3";
const hasTorch = spawnSync(PYTHON, ["-c", "import torch, PIL"], { stdio: "ignore" }).status === 0;
const TOKEN = "trainer-token-for-this-test";

let server: Server;
const posts: { status: number; events: number }[] = [];

describe.skipIf(!hasTorch)(`compact runs post run events${hasTorch ? "" : " (skipped: no torch in " + PYTHON + ")"}`, () => {
  beforeAll(async () => {
    process.env.TRAINER_WORK_DIR = mkdtempSync(path.join(tmpdir(), "riq-compact-events-"));
    process.env.TRAINER_COMPACT_SCALE = "0.1";
    const researcher = await makeActor("researcher");
    const trainer = createContext({ actor: { ...researcher, via: "token", scopes: ["trainer"] } });
    // The route's contract: bearer token → the trainer's context → recordRunEvents.
    server = createServer(async (req, res) => {
      const runId = req.url?.match(/^\/api\/v1\/training-runs\/([\w-]+)\/events$/)?.[1];
      let body = "";
      for await (const chunk of req) body += chunk;
      let status = 200;
      try {
        if (!runId || req.headers.authorization !== `Bearer ${TOKEN}`) throw Object.assign(new Error("no"), { code: "FORBIDDEN" });
        await recordRunEvents({ ctx: trainer, input: { runId, ...JSON.parse(body) } });
      } catch (error) {
        status = isAppError(error) && error.code === "VALIDATION" ? 400 : 403;
      }
      posts.push({ status, events: (JSON.parse(body || "{}").events ?? []).length });
      res.writeHead(status).end("{}");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    process.env.APP_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    process.env.TRAINER_EVENTS_TOKEN = TOKEN;
  });

  afterAll(async () => {
    delete process.env.TRAINER_EVENTS_TOKEN;
    delete process.env.APP_URL;
    await stopCompactServer();
    await new Promise((r) => server.close(r));
  });

  it("posts its metrics and checkpoint, all accepted, and the run registers a served model", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const { samples, snapshotId } = await seedSamples(4, { edge: 64 });
    await seedPairs(samples, { origin: "perturbed", split: "train" });
    const { export: exp } = await createExport({ ctx, input: { format: "easyr1-pgrt", name: "compact-events", snapshotId } });
    const run = await createTrainingRun({
      ctx,
      input: { kind: "reward", backend: "local", trainer: "compact", exportId: exp.id, round: 1 },
    });
    expect(run.entrypoint).toMatch(/training\/compact\/train\.py --kind \{kind\}/);
    await waitFor(async () => (await advanceTrainingRun({ ctx: systemContext(), runId: run.id })).done, 120_000, "the run to finish");
    await waitFor(
      async () => !!(await getDb().select().from(trainingRuns).where(eq(trainingRuns.id, run.id)))[0].modelId,
      60_000,
      "the model to register",
    );
    const [row] = await getDb().select().from(trainingRuns).where(eq(trainingRuns.id, run.id));

    expect(row.status).toBe("succeeded");
    expect(row.entrypoint).not.toContain(TOKEN);
    expect(posts.length).toBeGreaterThan(2);
    expect(posts.filter((p) => p.status !== 200)).toEqual([]);
    expect(row.metrics.map((m) => m.name)).toEqual(expect.arrayContaining(["rm_sft/loss", "eval/train/perturbed/acc"]));
    expect(row.checkpointUri).toMatch(/^file:\/\/.*\/checkpoints\/reward\.pt$/);
    expect(row.modelId).toEqual(expect.any(String));
  }, 240_000);
});
