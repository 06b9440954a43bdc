import { Worker, type Job } from "bullmq";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { candidates, instructions, pairs, perturbRuns } from "@/db/schema";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import {
  type GenerateResult,
  listPerturbFailures,
  markPerturbFailed,
  PERTURB_GIVE_UP_AFTER,
  PERTURB_RETRY_AFTER_MS,
  requestPairs,
  retryPerturbing,
  sweepPreference,
} from "@/lib/preference";
import { getQueue, type QueueName } from "@/lib/queue";
import { bullPrefix, createRedis } from "@/lib/queue/connection";
import { getBlobStore } from "@/lib/storage";
import { makeActor } from "@/test/actors";
import { acceptedInstruction } from "@/test/preference";
import { processPerturb } from "./processors/preference";

let researcher: Ctx;
beforeAll(async () => {
  researcher = createContext({ actor: await makeActor("researcher") });
});
afterEach(() => vi.restoreAllMocks());

/** A job as BullMQ hands it to the processor: `attemptsMade` attempts before this one, of 4. */
const attempt = (attemptsMade: number) => ({ attemptsMade, opts: { attempts: 4 } }) as unknown as Job;
const jobState = (instructionId: string) => getQueue("preference").getJobState(`perturb.${instructionId}.r1`);
const runRow = async (instructionId: string) =>
  (
    await getDb()
      .select()
      .from(perturbRuns)
      .where(and(eq(perturbRuns.instructionId, instructionId), eq(perturbRuns.round, 1)))
  )[0];
const sweep = () => sweepPreference({ ctx: systemContext(), input: { olderThanMs: 10_000 } });

/** Runs the next job of `queue` to a failure, as a worker of the app whose attempts are spent. */
async function failNextJob(queue: QueueName) {
  const connection = createRedis({ forWorker: true });
  const worker = new Worker(
    queue,
    async () => {
      throw new Error("ENOSPC: no space left on device, write");
    },
    { connection, prefix: bullPrefix(), autorun: false },
  );
  const failed = new Promise<void>((resolve) => worker.once("failed", () => resolve()));
  void worker.run();
  await failed;
  await worker.close();
  connection.disconnect();
}

/** An accepted instruction old enough for the sweeper, whose queued perturb job (if any) this test plays itself. */
async function instruction() {
  const { instruction } = await acceptedInstruction({
    params: { Exposure2012: 0.6, Contrast2012: 20, Vibrance: 15 },
    text: "A touch brighter, livelier colour.",
  });
  await getDb()
    .update(instructions)
    .set({ updatedAt: new Date(Date.now() - 60_000) })
    .where(eq(instructions.id, instruction.id));
  return instruction.id;
}

/** The blob store fills up after `okPuts` more writes (ENOSPC), as a disk would half way through a job. */
function diskFullAfter(okPuts: number) {
  const store = getBlobStore();
  const put = store.put.bind(store);
  let left = okPuts;
  vi.spyOn(store, "put").mockImplementation(async (...args) => {
    if (left-- > 0) return put(...args);
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  });
}

describe("a perturb job that gives up half way", () => {
  it("records the error on its last attempt; the sweeper queues the instruction again once due although its strong candidate exists, and a finished job marks it done", async () => {
    const id = await instruction();
    diskFullAfter(1); // the strong render is stored, the first weak one is not
    await expect(processPerturb({ instructionId: id, round: 1 }, attempt(0))).rejects.toThrow(/ENOSPC/);
    expect(await runRow(id)).toBeUndefined(); // attempts left: BullMQ retries, nothing recorded
    diskFullAfter(0);
    await expect(processPerturb({ instructionId: id, round: 1 }, attempt(3))).rejects.toThrow(/ENOSPC/);
    expect(await runRow(id)).toMatchObject({ completedAt: null, failures: 1, error: expect.stringMatching(/ENOSPC/) });
    // The strong member is there, which the sweeper used to take for "done".
    expect(await getDb().$count(candidates, and(eq(candidates.instructionId, id), eq(candidates.origin, "user")))).toBe(1);

    // Just failed: not queued yet. Due: queued again.
    await sweep();
    expect(await jobState(id)).toBe("unknown");
    await getDb()
      .update(perturbRuns)
      .set({ failedAt: new Date(Date.now() - PERTURB_RETRY_AFTER_MS - 1_000) })
      .where(eq(perturbRuns.instructionId, id));
    await sweep();
    expect(await jobState(id)).toBe("waiting");
    await getQueue("preference").remove(`perturb.${id}.r1`);

    // The disk has room again: the job finishes, makes its pairs, and the instruction is done.
    vi.restoreAllMocks();
    const result = (await processPerturb({ instructionId: id, round: 1 }, attempt(0))) as GenerateResult;
    expect(result.pairs).toBeGreaterThan(0);
    expect(await getDb().$count(pairs, eq(pairs.instructionId, id))).toBe(result.pairs);
    expect(await runRow(id)).toMatchObject({ completedAt: expect.any(Date), failures: 0, error: null, failedAt: null });
    await sweep();
    expect(await jobState(id)).toBe("unknown");
  });

  it("gives up after the last failed job, or at once on an error retrying cannot fix; retry perturbing is the researcher's", async () => {
    const worn = await instruction();
    for (let i = 0; i < PERTURB_GIVE_UP_AFTER; i++)
      await markPerturbFailed({ ctx: systemContext(), input: { instructionId: worn, round: 1, error: "ENOSPC", permanent: false } });
    const broken = await instruction();
    await markPerturbFailed({
      ctx: systemContext(),
      input: { instructionId: broken, round: 1, error: "undecodable image", permanent: true },
    });
    expect((await runRow(broken)).failures).toBe(PERTURB_GIVE_UP_AFTER);
    await getDb()
      .update(perturbRuns)
      .set({ failedAt: new Date(Date.now() - PERTURB_RETRY_AFTER_MS - 1_000) })
      .where(eq(perturbRuns.round, 1));
    await sweep();
    expect(await jobState(worn)).toBe("unknown");
    expect(await jobState(broken)).toBe("unknown");

    const listed = await listPerturbFailures({ ctx: researcher, input: { limit: 500 } });
    expect(listed.recent.find((f) => f.instructionId === broken)).toMatchObject({
      round: 1,
      failures: PERTURB_GIVE_UP_AFTER,
      error: "undecodable image",
      instruction: "A touch brighter, livelier colour.",
    });
    expect(listed.total).toBeGreaterThanOrEqual(2);

    // An instruction rejected since is no longer the sweeper's, so it is neither listed nor retried.
    const rejected = await instruction();
    await markPerturbFailed({ ctx: systemContext(), input: { instructionId: rejected, round: 1, error: "gone", permanent: true } });
    await getDb().update(instructions).set({ status: "rejected" }).where(eq(instructions.id, rejected));
    expect((await listPerturbFailures({ ctx: researcher, input: { limit: 500 } })).recent.some((f) => f.instructionId === rejected)).toBe(
      false,
    );

    const annotator = createContext({ actor: await makeActor("annotator") });
    await expect(listPerturbFailures({ ctx: annotator, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryPerturbing({ ctx: annotator, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { queued } = await retryPerturbing({ ctx: researcher, input: {} });
    expect(queued).toBeGreaterThanOrEqual(2);
    for (const id of [worn, broken]) {
      expect(await runRow(id)).toMatchObject({ failures: 0, error: null, failedAt: null });
      expect(await jobState(id)).toBe("waiting");
      await getQueue("preference").remove(`perturb.${id}.r1`);
    }
    expect(await runRow(rejected)).toMatchObject({ failures: PERTURB_GIVE_UP_AFTER, error: "gone" });
    expect(await jobState(rejected)).toBe("unknown");
  });

  it("Generate pairs replaces a spent perturb job instead of being answered by it", async () => {
    const id = await instruction();
    const queue = getQueue("preference");
    await queue.drain(); // the sweeps above left jobs no worker runs here; this test's worker takes only its own
    await queue.add("perturb", { instructionId: id, round: 1 }, { jobId: `perturb.${id}.r1`, attempts: 1 });
    await failNextJob("preference"); // as BullMQ leaves a job whose attempts are spent
    expect(await jobState(id)).toBe("failed");
    await requestPairs({ ctx: researcher, input: { source: "perturber", round: 1, limit: 5_000 } });
    expect(await jobState(id)).toBe("waiting");
    await queue.remove(`perturb.${id}.r1`);
  });
});
