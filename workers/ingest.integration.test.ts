import { spawn, type ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { images } from "@/db/schema";
import { createContext, systemContext } from "@/lib/context";
import { sweepPendingImages, uploadImage } from "@/lib/images";
import { enqueue, getQueue } from "@/lib/queue";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { uniquePhoto } from "@/test/images";
import { waitFor } from "@/test/wait-for";
import { startWorkers } from "./start-workers";

const imageRow = async (sha256: string) => (await getDb().select().from(images).where(eq(images.sha256, sha256)))[0];
const readyRow = async (sha256: string) => {
  const row = await imageRow(sha256);
  return row?.status === "ready" ? row : null;
};

// Other test files leave pending rows whose blobs live in their own temp
// folders; retire them so this file's sweeper only sees its own work.
beforeAll(async () => {
  await getDb().update(images).set({ status: "failed", error: "left pending by another test file" }).where(eq(images.status, "pending"));
});

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) {
    try {
      process.kill(-c.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

/** Runs `npm run workers`' entry in a child process, as production does. */
function spawnWorker(env: Record<string, string>) {
  const child = spawn("npx", ["tsx", "--conditions=react-server", "workers/index.ts"], {
    env: { ...process.env, WORKER_QUEUES: "ingest", WORKER_HEALTH_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout?.on("data", () => {});
  child.stderr?.on("data", () => {});
  children.push(child);
  return child;
}

describe("ingest-image job", () => {
  it("is processed once even when enqueued twice", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const { sha256 } = await uploadImage({ ctx, input: { bytes: await uniquePhoto("coffee.jpg"), filename: "coffee.jpg" } });
    await enqueue("ingest-image", { sha256 }); // the upload already enqueued it once
    const completed: string[] = [];
    const [worker] = await startWorkers({ only: ["ingest"] });
    worker.on("completed", (job) => completed.push(job.id!));
    const row = await waitFor(() => readyRow(sha256), 30_000, "ready");
    await waitFor(async () => completed.length > 0, 30_000, "the job to be marked completed");
    await new Promise((r) => setTimeout(r, 500)); // give a duplicate the chance to run
    await worker.close();
    expect(completed).toEqual([`ingest-image.${sha256}`]);
    expect(row).toMatchObject({ status: "ready", attempts: 1 });
    expect(Math.max(row!.previewWidth!, row!.previewHeight!)).toBe(Math.min(1600, Math.max(row!.width, row!.height)));
    expect(await getBlobStore().has(row!.previewKey!)).toBe(true);
    expect(await getBlobStore().has(row!.thumbnailKey!)).toBe(true);
  });

  it("loses no work when Redis loses the queue: the sweeper re-enqueues pending rows from Postgres", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    const { sha256 } = await uploadImage({ ctx, input: { bytes: await uniquePhoto("astronaut.jpg"), filename: "astronaut.jpg" } });
    const queue = getQueue("ingest");
    await queue.obliterate({ force: true }); // everything in Redis for this queue is gone
    expect(await queue.getJob(`ingest-image.${sha256}`)).toBeUndefined();
    const { enqueued } = await sweepPendingImages({ ctx: systemContext(), input: {} });
    expect(enqueued).toBeGreaterThanOrEqual(1);
    const [worker] = await startWorkers({ only: ["ingest"] });
    await waitFor(() => readyRow(sha256), 30_000, "the swept image");
    await worker.close();
  });

  it("survives a worker killed mid-job: the job is retried by another worker and writes one row", async () => {
    const ctx = createContext({ actor: await makeActor("researcher") });
    // A large noisy photo so ingest takes long enough to be caught active.
    const noise = await sharp({
      create: {
        width: 7000,
        height: 5000,
        channels: 3,
        background: { r: 0, g: 0, b: 0 },
        noise: { type: "gaussian", mean: 128, sigma: 50 },
      },
    })
      .jpeg({ quality: 95 })
      .toBuffer();
    const { sha256 } = await uploadImage({ ctx, input: { bytes: new Uint8Array(noise), filename: "big-noise.jpg" } });

    const first = spawnWorker({ INGEST_LOCK_DURATION_MS: "2000" });
    const queue = getQueue("ingest");
    // Active in BullMQ and inside the processor (it counts its attempts first).
    await waitFor(
      async () => (await queue.getJobCounts("active")).active > 0 && (await imageRow(sha256))?.attempts === 1,
      60_000,
      "the job to start",
    );
    process.kill(-first.pid!, "SIGKILL"); // the whole process group: npx + tsx + node
    expect((await imageRow(sha256))?.status).toBe("pending");

    spawnWorker({ INGEST_LOCK_DURATION_MS: "2000" });
    const row = await waitFor(() => readyRow(sha256), 90_000, "the retried job");
    // The processor writes the ready row before it returns; BullMQ marks the
    // job completed only after that, so wait for the state rather than read it.
    const job = await queue.getJob(`ingest-image.${sha256}`);
    await waitFor(async () => (await job?.getState()) === "completed", 30_000, "the job to be marked completed");
    expect(row?.attempts).toBe(2); // started twice…
    expect(job?.stalledCounter).toBe(1); // …the second time because BullMQ saw the first worker's lock lapse
    expect((await getDb().select().from(images).where(eq(images.sha256, sha256))).length).toBe(1); // …one row
    expect(row?.previewWidth).toBe(1600);
  }, 180_000);
});
