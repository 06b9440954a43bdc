import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { candidates, labels, pairs } from "@/db/schema";
import { createContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { acceptedInstruction, storedPhoto } from "@/test/preference";
import { generatePerturbedPairs } from "./generate-perturbed-pairs";
import { judgePair, type PairScorer } from "./judge-pair";
import { ENGINE_RENDERER, renderCandidate } from "./render-candidate";
import { rolloutPairs } from "./rollout-pairs";
import { gatewayWeakCheck, recordWeakCheck, type WeakChecker } from "./weak-check";

let ctx: Ctx;
beforeAll(async () => {
  ctx = createContext({ actor: await makeActor("researcher") });
});

describe("perturbed pairs", () => {
  it("renders the strong edit with the engine (not the Lightroom after-image) and pairs every weaker perturbation", async () => {
    const after = await storedPhoto("honey-bee.jpg"); // stands in for a real Lightroom export
    const { instruction } = await acceptedInstruction({
      params: { Exposure2012: 0.8, Contrast2012: 30, Shadows2012: 25 },
      text: "Open up the dark areas and give it more punch.",
      targetSha: after,
    });
    const r = await generatePerturbedPairs({ ctx, input: { instructionId: instruction.id } });
    expect(r.pairs).toBeGreaterThanOrEqual(6);
    const [strong] = await getDb().select().from(candidates).where(eq(candidates.id, r.strongId));
    expect(strong.origin).toBe("user");
    expect(strong.renderer).toBe(ENGINE_RENDERER);
    expect(strong.imageKey).not.toBe(after);
    const rows = await getDb().select().from(pairs).where(eq(pairs.instructionId, instruction.id));
    expect(new Set(rows.map((p) => p.kind))).toEqual(
      new Set(["omit", "scale_down", "over_edit", "wrong_direction", "wb_tone_shift", "model"]),
    );
    expect(rows.some((p) => p.gold && p.goldAnswer === "strong")).toBe(true);
    const weak = await getDb()
      .select()
      .from(candidates)
      .where(
        inArray(
          candidates.id,
          rows.map((p) => p.weakId),
        ),
      );
    expect(weak.every((w) => w.weakCheck === "weaker" && w.diffToStrong.length > 0 && w.imageKey)).toBe(true);
    // Idempotent: a second run (a retried job) writes nothing new.
    await generatePerturbedPairs({ ctx, input: { instructionId: instruction.id } });
    expect(await getDb().$count(pairs, eq(pairs.instructionId, instruction.id))).toBe(rows.length);
  });

  it("the weak-check drops a planted non-weaker candidate and stores why", async () => {
    const { instruction, trajectory, sourceSha } = await acceptedInstruction({
      params: { Exposure2012: 0.6, Vibrance: 20 },
      text: "A little brighter and more colourful.",
    });
    const r = await generatePerturbedPairs({ ctx, input: { instructionId: instruction.id, strategies: ["omit:k=1"], withModel: false } });
    const [strong] = await getDb().select().from(candidates).where(eq(candidates.id, r.strongId));
    // Planted: a "weak" edit one hundredth of a stop from the strong one.
    const near = await renderCandidate({
      ctx,
      input: {
        trajectoryId: trajectory.id,
        instructionId: instruction.id,
        sourceSha,
        params: { Exposure2012: 0.61, Vibrance: 20 },
        origin: "perturber",
        strategy: "planted",
        kind: "scale_down",
        strongParams: strong.params,
      },
    });
    const v = await recordWeakCheck({
      ctx,
      check: gatewayWeakCheck(ctx),
      input: { instruction: instruction.text, sourceSha, strong, weak: near },
    });
    expect(v.verdict).toBe("not_weaker");
    const [stored] = await getDb().select().from(candidates).where(eq(candidates.id, near.id));
    expect(stored.weakCheck).toBe("not_weaker");
    expect(stored.weakCheckReason).toMatch(/0\.025 visible steps/);
    expect(await getDb().$count(pairs, eq(pairs.weakId, near.id))).toBe(0);
  });

  it("a weak-check that rejects everything leaves no pairs and every candidate carries the reason", async () => {
    const { instruction } = await acceptedInstruction({ params: { Exposure2012: -0.7, Saturation: -25 }, text: "Darker and more muted." });
    const never: WeakChecker = async () => ({ verdict: "not_weaker", reason: "planted judge: weak looks better", by: "planted" });
    const r = await generatePerturbedPairs({ ctx, input: { instructionId: instruction.id, withModel: false }, check: never });
    expect(r.pairs).toBe(0);
    expect(r.dropped.length).toBe(r.candidates);
    expect(r.dropped.every((d) => d.reason === "planted judge: weak looks better")).toBe(true);
  });
});

describe("policy rollouts", () => {
  it("pairs the user's edit above n policy samples, recording model and round", async () => {
    const { instruction } = await acceptedInstruction({
      params: { Exposure2012: 1.1, Highlights2012: -30 },
      text: "Brighten it without losing the sky.",
    });
    const r = await rolloutPairs({ ctx, input: { instructionId: instruction.id, n: 3, round: 2 } });
    expect(r.candidates).toBeGreaterThanOrEqual(1);
    const rows = await getDb().select().from(candidates).where(eq(candidates.instructionId, instruction.id));
    const policy = rows.filter((c) => c.origin === "policy");
    expect(policy.every((c) => c.round === 2 && c.modelName === "heuristic-policy" && c.renderer === ENGINE_RENDERER)).toBe(true);
  });
});

describe("swapped double judging", () => {
  it("detects a planted position-biased judge and stores both verdicts", async () => {
    const { instruction } = await acceptedInstruction({
      params: { Exposure2012: 0.9, Contrast2012: 20 },
      text: "Brighter with more contrast.",
    });
    await generatePerturbedPairs({ ctx, input: { instructionId: instruction.id, strategies: ["omit:k=1"], withModel: false } });
    const [pair] = await getDb().select().from(pairs).where(eq(pairs.instructionId, instruction.id));
    const alwaysLeft: PairScorer = async () => ({
      ok: true,
      output: { metrics: [{ name: "Brightness", description: "x" }], scores: { A: 8, B: 3 }, reasoning: "A is better" },
      model: { id: null, name: "planted-left" },
      callId: 1,
    });
    const biased = await judgePair({ ctx, input: { pairId: pair.id }, scorer: alwaysLeft });
    expect(biased.verdicts).toEqual(["strong", "weak"]);
    expect(biased.positionBias).toBe(true);

    const fair = await judgePair({ ctx, input: { pairId: pair.id } });
    expect(fair.positionBias).toBe(false);
    const rows = await getDb().select().from(labels).where(eq(labels.pairId, pair.id));
    expect(rows).toHaveLength(4);
    const planted = rows.filter((l) => l.modelName === "planted-left");
    expect(planted.map((l) => [l.leftWas, l.swapped, l.positionBias])).toEqual(
      expect.arrayContaining([
        ["strong", false, true],
        ["weak", true, true],
      ]),
    );
    expect(rows.filter((l) => l.modelName === "heuristic-reward").every((l) => l.scoreStrong !== null && l.scoreWeak !== null)).toBe(true);
  });
});

describe("renderer invariant", () => {
  it("both members of every pair share a renderer", async () => {
    const rows = await getDb()
      .select({ pair: pairs.renderer, strong: candidates.renderer, weakId: pairs.weakId })
      .from(pairs)
      .innerJoin(candidates, eq(candidates.id, pairs.strongId));
    expect(rows.length).toBeGreaterThan(0);
    const weak = await getDb()
      .select()
      .from(candidates)
      .where(
        inArray(
          candidates.id,
          rows.map((r) => r.weakId),
        ),
      );
    const byId = new Map(weak.map((w) => [w.id, w.renderer]));
    for (const r of rows) {
      expect(r.strong).toBe(r.pair);
      expect(byId.get(r.weakId)).toBe(r.pair);
    }
  });
});
