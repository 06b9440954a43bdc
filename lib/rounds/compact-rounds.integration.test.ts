// Two alternating PGRT rounds driven by the round state machine through the `local` backend with the
// compact PyTorch trainer (training/compact, small step counts): each round's reward-model and policy
// runs train on the round's exports, register as openai-compatible models served by serve.py, and the
// rollouts and accuracy labels go through the gateway to them. Needs /usr/bin/python3 with torch + PIL.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { labels, models, pairs } from "@/db/schema";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import { loadModelConfig, runRole } from "@/lib/inference";
import { ensureModelServed, stopCompactServer } from "@/lib/training/serve/compact-server";
import { makeActor } from "@/test/actors";
import { failLeftoverRounds, seedSamples, type Look } from "@/test/training/training-fixtures";
import { advanceRound } from "./advance-round";
import { listRounds } from "./list-rounds";
import { startRound } from "./start-round";

const PYTHON = process.env.TRAINER_PYTHON ?? "/usr/bin/python3";
const hasTorch = spawnSync(PYTHON, ["-c", "import torch, PIL"], { stdio: "ignore" }).status === 0;

/** Four looks, each asked for in words: the policy has to read the instruction, the reward model to judge the edit against it. */
const LOOKS: Look[] = [
  { instruction: "Make it brighter and lift the shadows.", params: { Exposure2012: 0.7, Shadows2012: 30 } },
  { instruction: "Add more contrast and punch.", params: { Contrast2012: 45, Vibrance: 20 } },
  { instruction: "Make it darker and moodier, tame the highlights.", params: { Exposure2012: -0.6, Highlights2012: -40 } },
  { instruction: "Make the colours richer.", params: { Saturation: 35, Vibrance: 25 } },
];

let ctx: Ctx;
let snapshotId: string;
let sourceSha: string;

/** Drives a round the way the advance-round job does, until it stops. */
async function driveRound(roundId: string) {
  for (let i = 0; i < 3000; i++) {
    const r = await advanceRound({ ctx: systemContext(), roundId });
    if (r.done) return;
    if (r.waitMs) await new Promise((res) => setTimeout(res, r.waitMs));
  }
  throw new Error("round did not finish");
}

describe.skipIf(!hasTorch)(`rounds with the compact trainer${hasTorch ? "" : " (skipped: no torch in " + PYTHON + ")"}`, () => {
  beforeAll(async () => {
    process.env.TRAINER_WORK_DIR = mkdtempSync(path.join(tmpdir(), "riq-compact-rounds-"));
    process.env.TRAINING_POLL_MS = "250";
    process.env.TRAINER_COMPACT_SCALE = "0.2";
    ctx = createContext({ actor: await makeActor("researcher") });
    await failLeftoverRounds();
    const seeded = await seedSamples(12, { edge: 96, looks: LOOKS });
    snapshotId = seeded.snapshotId;
    sourceSha = seeded.samples[0].sourceSha;
  });

  afterAll(async () => {
    await stopCompactServer();
  });

  it("trains, serves and measures two rounds; round 2 starts from round 1's checkpoints and learns from its policy's rollouts", async () => {
    const first = await startRound({ ctx, input: { snapshotId, trainer: "compact", samples: 12, pairsPerSet: 12 } });
    await driveRound(first.id);
    const second = await startRound({ ctx, input: { trainer: "compact", samples: 12, pairsPerSet: 12 } });
    await driveRound(second.id);

    const view = await listRounds({ ctx });
    const [r1, r2] = [view.find((r) => r.id === first.id)!, view.find((r) => r.id === second.id)!];
    for (const r of [r1, r2]) {
      expect(r.status, r.error ?? "").toBe("done");
      expect(r.rewardExport?.format).toBe("easyr1-pgrt");
      for (const m of [r.rewardModel, r.policyModel])
        expect(m).toMatchObject({ backend: "openai-compatible", name: expect.stringMatching(/-compact$/) });
      const sets = Object.fromEntries(r.accuracy.map((a) => [a.set, a]));
      expect(Object.keys(sets).sort()).toEqual(r === r1 ? ["gold", "perturbed"] : ["gold", "perturbed", "policy"]);
      for (const a of r.accuracy) {
        expect(a.n).toBeGreaterThan(0);
        expect(a.lo).toBeLessThanOrEqual(a.accuracy);
        expect(a.hi).toBeGreaterThanOrEqual(a.accuracy);
        expect(a.randomBaseline).toBe(0.5);
        expect(a.biggerChangeBaseline).toBeGreaterThanOrEqual(0);
      }
      expect(r.policyScore?.n).toBeGreaterThan(0);
    }
    // Round 1's reward model learnt from perturbed pairs only; round 2's continued from it on round 1's rollouts (PGRT).
    expect(r1.rewardRun?.logTail).toMatch(/^step \d+ rm_sft\/loss /m);
    expect(r2.rewardRun?.logTail).toMatch(/^step \d+ rm_pgrt\/loss /m);
    // Round 1's policy is fitted to the corpus edits then GRPO'd against its reward model; round 2's continues from it.
    expect(r1.policyRun?.logTail).toMatch(/^step \d+ policy_sft\/nll /m);
    expect(r1.policyRun?.logTail).toMatch(/^step \d+ policy_grpo\/reward /m);
    expect(r2.policyRun?.logTail).not.toMatch(/policy_sft/);
    expect(r2.policyRun?.logTail).toMatch(/^step \d+ policy_grpo\/reward /m);

    const db = getDb();
    const [rm1] = await db.select().from(models).where(eq(models.id, r1.rewardModel!.id));
    const [rm2] = await db.select().from(models).where(eq(models.id, r2.rewardModel!.id));
    expect(rm1.checkpointUri).toMatch(/^file:\/\/.*reward\.pt$/);
    expect(rm2).toMatchObject({ parentId: rm1.id, round: r2.number, endpoint: rm1.endpoint });
    expect(rm1.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    const policyPairs = await db
      .select()
      .from(pairs)
      .where(and(eq(pairs.origin, "policy"), eq(pairs.round, r1.number)));
    expect(policyPairs.length).toBeGreaterThan(0);

    // The accuracy labels are the served reward models' own answers, and round 2's model scores the same held-out pairs differently.
    const gold = (await db.select().from(labels).where(eq(labels.modelName, rm1.name))).filter((l) => !l.swapped);
    expect(gold.length).toBeGreaterThan(0);
    expect(JSON.stringify(gold[0].metrics)).toMatch(/instruction fidelity/);
    const again = (await db.select().from(labels).where(eq(labels.modelName, rm2.name))).filter((l) => !l.swapped);
    const score2 = new Map(again.map((l) => [l.pairId, l.scoreStrong]));
    const shared = gold.filter((l) => score2.has(l.pairId));
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.some((l) => l.scoreStrong !== score2.get(l.pairId))).toBe(true);

    // The model server died (a reboot, a killed worker): the next use starts it again and the models follow it.
    await stopCompactServer();
    expect(
      await fetch(`${rm2.endpoint!.replace(/\/v1$/, "")}/health`)
        .then((r) => r.ok)
        .catch(() => false),
    ).toBe(false);
    await ensureModelServed({ ctx: systemContext(), modelId: rm2.id });
    const [moved] = await db.select().from(models).where(eq(models.id, rm2.id));
    const model = await loadModelConfig(systemContext(), rm2.id);
    const out = await runRole({
      ctx: systemContext(),
      role: "reward",
      model,
      input: {
        instruction: "Make it brighter.",
        source: { sha256: sourceSha },
        a: { params: { Exposure2012: 0.8 } },
        b: { params: { Exposure2012: -0.8 } },
      },
    });
    expect(moved.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(out.ok, out.ok ? "" : out.error).toBe(true);
  }, 600_000);
});
