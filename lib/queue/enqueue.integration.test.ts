import { randomBytes, randomUUID } from "node:crypto";
import { Worker } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import type { QueueName } from "./catalog";
import { bullPrefix, createRedis } from "./connection";
import { enqueue, getQueue, requeue } from "./enqueue";

/** Runs one job of `queue` to its end with `outcome`, as a worker of the app would. */
async function finishNext(outcome: "complete" | "fail", queue: QueueName = "ingest") {
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(
    queue,
    async () => {
      if (outcome === "fail") throw new Error("undecodable");
    },
    { connection, prefix: bullPrefix(), autorun: false },
  );
  const done = new Promise<void>((resolve) => {
    worker.once("completed", () => resolve());
    worker.once("failed", () => resolve());
  });
  void worker.run();
  await done;
  await worker.close();
  connection.disconnect();
}

describe("enqueue with a job id derived from the payload", () => {
  const sha = () => randomBytes(32).toString("hex");
  afterAll(async () => {
    await getQueue("ingest").obliterate({ force: true });
    await getQueue("corpus").obliterate({ force: true });
  });

  it("adds the same waiting work once", async () => {
    const s = sha();
    await enqueue("ingest-image", { sha256: s });
    await enqueue("ingest-image", { sha256: s });
    expect(await getQueue("ingest").getJobCountByTypes("waiting")).toBe(1);
    await getQueue("ingest").drain();
  });

  it.each([
    {
      outcome: "complete",
      finished: "completed",
      after: "waiting",
      title: "adds work again when the job of that id already completed (a fresh database beside an old Redis)",
    },
    { outcome: "fail", finished: "failed", after: "failed", title: "leaves a failed job alone: its attempts are spent" },
  ] as const)("$title", async ({ outcome, finished, after }) => {
    const s = sha();
    const jobId = `ingest-image.${s}`;
    await enqueue("ingest-image", { sha256: s }, { attempts: 1 });
    await finishNext(outcome);
    expect(await getQueue("ingest").getJobState(jobId)).toBe(finished);
    await enqueue("ingest-image", { sha256: s });
    expect(await getQueue("ingest").getJobState(jobId)).toBe(after);
    await getQueue("ingest").drain();
  });

  it("leaves a completed job named by a row id alone: that row's work is done", async () => {
    const trajectoryId = randomUUID();
    const jobId = `annotate-trajectory.${trajectoryId}.v1`;
    await enqueue("annotate-trajectory", { trajectoryId, version: 1 }, { attempts: 1 });
    await finishNext("complete", "corpus");
    await enqueue("annotate-trajectory", { trajectoryId, version: 1 });
    expect(await getQueue("corpus").getJobState(jobId)).toBe("completed");
  });

  it("requeue (a sweeper: Postgres says the work is unfinished) replaces a completed or failed job, and leaves queued work alone", async () => {
    const [done, spent, queued] = [randomUUID(), randomUUID(), randomUUID()];
    await enqueue("import-corpus", { importId: done }, { attempts: 1 });
    await finishNext("complete", "corpus");
    await enqueue("import-corpus", { importId: spent }, { attempts: 1 });
    await finishNext("fail", "corpus");
    await enqueue("import-corpus", { importId: queued }, { priority: 7 });
    for (const importId of [done, spent, queued]) await requeue("import-corpus", { importId });
    const corpus = getQueue("corpus");
    expect(await corpus.getJobState(`import-corpus.${done}`)).toBe("waiting");
    expect(await corpus.getJobState(`import-corpus.${spent}`)).toBe("waiting");
    // Still the job first enqueued (its options kept), not a second one.
    expect((await corpus.getJob(`import-corpus.${queued}`))?.opts.priority).toBe(7);
    const { waiting, prioritized } = await corpus.getJobCounts("waiting", "prioritized");
    expect({ waiting, prioritized }).toEqual({ waiting: 2, prioritized: 1 });
    await corpus.drain();
  });
});
