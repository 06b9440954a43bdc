import type { Job } from "bullmq";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { candidates, labels, pairs } from "@/db/schema";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import {
  generatePerturbedPairs,
  JUDGE_GIVE_UP_AFTER,
  JUDGE_RETRY_AFTER_MS,
  listJudgeFailures,
  markJudgeFailed,
  retryJudging,
  sweepPreference,
} from "@/lib/preference";
import { getQueue } from "@/lib/queue";
import { makeActor } from "@/test/actors";
import { acceptedInstruction } from "@/test/preference";
import { processJudgePair } from "./processors/preference";

let researcher: Ctx;
beforeAll(async () => {
  researcher = createContext({ actor: await makeActor("researcher") });
});

/** A job as BullMQ hands it to the processor: `attemptsMade` attempts before this one, of 4. */
const attempt = (attemptsMade: number) => ({ attemptsMade, opts: { attempts: 4 } }) as unknown as Job;
const pairRow = async (id: string) => (await getDb().select().from(pairs).where(eq(pairs.id, id)))[0];
const jobState = (pairId: string) => getQueue("preference").getJobState(`judge-pair.${pairId}`);

/** A perturbed pair whose weak member's render was lost, so judging it fails until the render is back. */
async function brokenPair() {
  const { instruction } = await acceptedInstruction({
    params: { Exposure2012: 0.7, Contrast2012: 25 },
    text: "Brighter, with a bit more punch.",
  });
  await generatePerturbedPairs({ ctx: researcher, input: { instructionId: instruction.id, strategies: ["omit:k=1"], withModel: false } });
  const [pair] = await getDb().select().from(pairs).where(eq(pairs.instructionId, instruction.id));
  const [weak] = await getDb().select().from(candidates).where(eq(candidates.id, pair.weakId));
  await getDb().update(candidates).set({ imageKey: null }).where(eq(candidates.id, weak.id));
  // The pair's own judge job (queued when it was made) is not run here: this test plays the worker.
  await getQueue("preference").remove(`judge-pair.${pair.id}`);
  // Old enough for the sweeper, which leaves rows younger than its cutoff to their own request.
  await getDb()
    .update(pairs)
    .set({ createdAt: new Date(Date.now() - 60_000) })
    .where(eq(pairs.id, pair.id));
  return { pair, restore: () => getDb().update(candidates).set({ imageKey: weak.imageKey }).where(eq(candidates.id, weak.id)) };
}

describe("a judge job that gives up", () => {
  it("records the error on its last attempt only; the sweeper queues the pair again once the retry is due, and stops after the last give-up", async () => {
    const { pair } = await brokenPair();
    await expect(processJudgePair({ pairId: pair.id }, attempt(0))).rejects.toThrow(/unrendered member/);
    expect((await pairRow(pair.id)).judgeFailures).toBe(0);

    await expect(processJudgePair({ pairId: pair.id }, attempt(3))).rejects.toThrow(/unrendered member/);
    const failed = await pairRow(pair.id);
    expect(failed.judgeFailures).toBe(1);
    expect(failed.judgeError).toMatch(/unrendered member/);
    expect(failed.judgeFailedAt).not.toBeNull();

    // Just failed: not queued again yet.
    await sweepPreference({ ctx: systemContext(), input: { olderThanMs: 10_000 } });
    expect(await jobState(pair.id)).toBe("unknown");
    // Due: queued again.
    await getDb()
      .update(pairs)
      .set({ judgeFailedAt: new Date(Date.now() - JUDGE_RETRY_AFTER_MS - 1_000) })
      .where(eq(pairs.id, pair.id));
    await sweepPreference({ ctx: systemContext(), input: { olderThanMs: 10_000 } });
    expect(await jobState(pair.id)).toBe("waiting");
    await getQueue("preference").remove(`judge-pair.${pair.id}`);

    // The last give-up: never queued again by the sweeper, and listed for the researcher.
    await getDb()
      .update(pairs)
      .set({ judgeFailures: JUDGE_GIVE_UP_AFTER - 1 })
      .where(eq(pairs.id, pair.id));
    await expect(processJudgePair({ pairId: pair.id }, attempt(3))).rejects.toThrow();
    await getDb()
      .update(pairs)
      .set({ judgeFailedAt: new Date(Date.now() - JUDGE_RETRY_AFTER_MS - 1_000) })
      .where(eq(pairs.id, pair.id));
    await sweepPreference({ ctx: systemContext(), input: { olderThanMs: 10_000 } });
    expect(await jobState(pair.id)).toBe("unknown");
    const listed = await listJudgeFailures({ ctx: researcher, input: { limit: 500 } });
    expect(listed.recent.find((f) => f.id === pair.id)).toMatchObject({
      failures: JUDGE_GIVE_UP_AFTER,
      error: expect.stringMatching(/unrendered member/),
    });
  });

  it("an error retrying cannot fix gives up at once", async () => {
    const { pair } = await brokenPair();
    await markJudgeFailed({ ctx: systemContext(), input: { pairId: pair.id, error: "undecodable image", permanent: true } });
    expect((await pairRow(pair.id)).judgeFailures).toBe(JUDGE_GIVE_UP_AFTER);
  });

  it("retry judging starts a given-up pair afresh; the judge's labels clear its record", async () => {
    const { pair, restore } = await brokenPair();
    await getDb()
      .update(pairs)
      .set({ judgeFailures: JUDGE_GIVE_UP_AFTER, judgeError: "reward model down", judgeFailedAt: new Date() })
      .where(eq(pairs.id, pair.id));
    const annotator = createContext({ actor: await makeActor("annotator") });
    await expect(retryJudging({ ctx: annotator, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { queued } = await retryJudging({ ctx: researcher, input: {} });
    expect(queued).toBeGreaterThanOrEqual(1);
    expect(await pairRow(pair.id)).toMatchObject({ judgeFailures: 0, judgeError: null, judgeFailedAt: null });
    expect(await jobState(pair.id)).toBe("waiting");
    await getQueue("preference").remove(`judge-pair.${pair.id}`);

    // The render is back: a failure recorded meanwhile is cleared by the judge's labels.
    await restore();
    await markJudgeFailed({ ctx: systemContext(), input: { pairId: pair.id, error: "timeout", permanent: false } });
    await processJudgePair({ pairId: pair.id }, attempt(0));
    expect(await getDb().$count(labels, eq(labels.pairId, pair.id))).toBe(2);
    expect(await pairRow(pair.id)).toMatchObject({ judgeFailures: 0, judgeError: null, judgeFailedAt: null });
    const listed = await listJudgeFailures({ ctx: researcher, input: { limit: 500 } });
    expect(listed.recent.some((f) => f.id === pair.id)).toBe(false);
  });
});
