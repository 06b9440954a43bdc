import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { models, pairs, rounds } from "@/db/schema";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { failLeftoverRounds, seedSamples } from "@/test/training/training-fixtures";
import { getQueue } from "@/lib/queue";
import { advanceRound } from "./advance-round";
import { sweepStalledTraining } from "./sweep-stalled";
import { listRounds } from "./list-rounds";
import { startRound } from "./start-round";

let ctx: Ctx;
let snapshotId: string;

beforeAll(async () => {
  process.env.TRAINER_WORK_DIR = mkdtempSync(path.join(tmpdir(), "riq-rounds-"));
  process.env.TRAINING_POLL_MS = "50";
  ctx = createContext({ actor: await makeActor("researcher") });
  await failLeftoverRounds();
  snapshotId = (await seedSamples(8)).snapshotId;
});

/** Drives a round's state machine the way the advance-round job does, until it stops. */
async function driveRound(roundId: string) {
  const seen: string[] = [];
  for (let i = 0; i < 400; i++) {
    const r = await advanceRound({ ctx: systemContext(), roundId });
    if (seen.at(-1) !== r.step) seen.push(r.step);
    if (r.done) return seen;
    if (r.waitMs) await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error("round did not finish");
}

describe("rounds", () => {
  it("runs two complete rounds with the local backend and heuristic models; the second starts from the first", async () => {
    const first = await startRound({ ctx, input: { snapshotId, samples: 8, pairsPerSet: 10 } });
    await expect(startRound({ ctx, input: { snapshotId } })).rejects.toMatchObject({ code: "CONFLICT" });
    const steps1 = await driveRound(first.id);
    expect(steps1).toEqual(
      expect.arrayContaining([
        "train_reward",
        "register_reward",
        "train_policy",
        "register_policy",
        "rollout",
        "label",
        "evaluate",
        "done",
      ]),
    );

    const second = await startRound({ ctx, input: { samples: 8, pairsPerSet: 10 } });
    expect(second).toMatchObject({ number: first.number + 1, previousRoundId: first.id, snapshotId });
    await driveRound(second.id);

    const view = await listRounds({ ctx });
    const [r1, r2] = [view.find((r) => r.id === first.id)!, view.find((r) => r.id === second.id)!];
    for (const r of [r1, r2]) {
      expect(r.status).toBe("done");
      expect(Object.values(r.steps).every((s) => s?.status === "done")).toBe(true);
      expect(r.rewardRun?.status).toBe("succeeded");
      expect(r.rewardRun?.logTail).toMatch(/step 20 loss/);
      expect(r.policyModel?.name).toMatch(/^policy-r\d+-.*-heuristic$/);
      const sets = Object.fromEntries(r.accuracy.map((a) => [a.set, a]));
      expect(Object.keys(sets).sort()).toEqual(["gold", "perturbed", "policy"].filter((s) => s !== "policy" || r === r2).sort());
      for (const a of r.accuracy) {
        expect(a.n).toBeGreaterThan(0);
        expect(a.lo).toBeLessThanOrEqual(a.accuracy);
        expect(a.hi).toBeGreaterThanOrEqual(a.accuracy);
        expect(a.randomBaseline).toBe(0.5);
      }
      // Gold pairs reverse the user's edit: any sensible reward model gets most of them.
      expect(sets.gold.accuracy).toBeGreaterThan(0.7);
      expect(r.policyScore?.n).toBeGreaterThan(0);
    }
    // Round 2's reward model descends from round 1's, and was trained on round 1's policy pairs too.
    const [rm2] = await getDb().select().from(models).where(eq(models.id, r2.rewardModel!.id));
    expect(rm2).toMatchObject({ parentId: r1.rewardModel!.id, round: r2.number });
    const policyPairs = await getDb().select().from(pairs).where(eq(pairs.origin, "policy"));
    expect(policyPairs.filter((p) => p.round === r1.number).length).toBeGreaterThan(0);
  });

  it("fails a round visibly when its training command fails, and the next round can start", async () => {
    const round = await startRound({ ctx, input: { command: ["/bin/sh", "-c", "echo 'no GPU' >&2; exit 1"], samples: 4 } });
    await driveRound(round.id);
    const [row] = await getDb().select().from(rounds).where(eq(rounds.id, round.id));
    expect(row).toMatchObject({ status: "failed", step: "train_reward" });
    expect(row.error).toMatch(/reward training run failed/);
    expect(row.steps.train_reward).toMatchObject({ status: "failed" });
  });

  it("re-queues a running round nobody has advanced for a while (its job chain was lost), and leaves live ones alone", async () => {
    const round = await startRound({ ctx, input: { samples: 4 } });
    expect((await sweepStalledTraining({ ctx: systemContext(), input: {} })).rounds).toBe(0);
    await getDb()
      .update(rounds)
      .set({ updatedAt: new Date(Date.now() - 3_600_000) })
      .where(eq(rounds.id, round.id));
    expect((await sweepStalledTraining({ ctx: systemContext(), input: {} })).rounds).toBe(1);
    const jobs = await getQueue("training").getJobs(["waiting", "delayed"]);
    expect(jobs.filter((j) => j.name === "advance-round" && j.data.roundId === round.id).length).toBeGreaterThanOrEqual(2);
    await getDb().update(rounds).set({ status: "failed", error: "stopped by the test" }).where(eq(rounds.id, round.id));
  });
});
