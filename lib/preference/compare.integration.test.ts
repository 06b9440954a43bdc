import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { candidates, labels, pairs, workSlots } from "@/db/schema";
import { createContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { acceptedInstruction } from "@/test/preference";
import { generatePerturbedPairs } from "./generate-perturbed-pairs";
import { getFixStart } from "./get-fix-start";
import { getPreferenceStats } from "./get-preference-stats";
import { judgePair } from "./judge-pair";
import { listPairs } from "./list-pairs";
import { nextComparePair } from "./next-compare-pair";
import { saveFix } from "./save-fix";
import { leftMemberFor } from "./blind-side";
import { submitLabel } from "./submit-label";

let researcher: Ctx;
let instructionId: string;
/** The annotator of the first test, who votes on every pair. */
let voter: Ctx;
beforeAll(async () => {
  // Start from an empty compare queue so other files' pairs do not interleave.
  await getDb().delete(workSlots).where(eq(workSlots.kind, "compare"));
  await getDb().delete(pairs);
  process.env.COMPARE_GOLD_RATE = "0.25";
  process.env.COMPARE_OVERLAP = "2";
  researcher = createContext({ actor: await makeActor("researcher") });
  const { instruction } = await acceptedInstruction({
    params: { Exposure2012: 1.2, Contrast2012: 35, Shadows2012: 30 },
    text: "Brighten the room and add some punch.",
  });
  instructionId = instruction.id;
  await generatePerturbedPairs({ ctx: researcher, input: { instructionId, withModel: false } });
});

describe("compare workspace", () => {
  it("hands each labeler blind pairs with gold mixed in, records sides server-side and never double-counts", async () => {
    const ctx = createContext({ actor: await makeActor("annotator") });
    voter = ctx;
    const seen: string[] = [];
    let goldSeen = 0;
    for (;;) {
      const next = await nextComparePair({ ctx, input: {} });
      if (!next) break;
      expect(Object.keys(next).sort()).toEqual(["expiresAt", "instruction", "pairId", "position", "sourceSha"]);
      const reveal = await submitLabel({ ctx, input: { pairId: next.pairId, choice: "a", strength: "clearly", metrics: ["color"] } });
      if (reveal.gold) goldSeen++;
      // "A" means whatever the server showed on the left: strong or weak, per its own record.
      expect(reveal.choice).toBe(reveal.strongSide === "a" ? "strong" : "weak");
      const again = await submitLabel({ ctx, input: { pairId: next.pairId, choice: "b" } });
      expect(again.duplicate).toBe(true);
      seen.push(next.pairId);
      if (seen.length > 50) throw new Error("queue never ran dry");
    }
    const all = await getDb().select().from(pairs).where(eq(pairs.instructionId, instructionId));
    expect(new Set(seen).size).toBe(all.length);
    expect(goldSeen).toBe(all.filter((p) => p.gold).length);
    expect(goldSeen).toBeGreaterThan(0);
    const mine = await getDb().select().from(labels).where(eq(labels.userId, ctx.actor!.id));
    expect(mine).toHaveLength(all.length);
    // Each label records the side the server showed (a hash of pair and person, never the browser's word).
    // That those sides are spread over both members is blind-side.test.ts' job: over this stream's few pairs it could be chance.
    for (const l of mine) expect(l.leftWas).toBe(leftMemberFor(l.pairId, ctx.actor!.id));
  });

  it("Fix it stores a human_fix candidate and a pair fixed ≻ original that researchers can list", async () => {
    const ctx = voter;
    const [pair] = await getDb().select().from(pairs).where(eq(pairs.instructionId, instructionId)).limit(1);
    const [strong] = await getDb().select().from(candidates).where(eq(candidates.id, pair.strongId));
    // Someone who has not voted on the pair may not open or fix its candidates (nothing leaks before the vote).
    const stranger = createContext({ actor: await makeActor("annotator") });
    await expect(getFixStart({ ctx: stranger, input: { candidateId: strong.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      saveFix({ ctx: stranger, input: { candidateId: strong.id, params: { ...strong.params, Highlights2012: -60 } } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The voter opens it with the instruction but without its origin; a researcher sees the origin.
    const start = await getFixStart({ ctx, input: { candidateId: strong.id } });
    expect(start).toMatchObject({ candidateId: strong.id, params: strong.params, instruction: "Brighten the room and add some punch." });
    expect(start.origin).toBeUndefined();
    expect((await getFixStart({ ctx: researcher, input: { candidateId: strong.id } })).origin).toMatch(/^user/);
    await expect(saveFix({ ctx, input: { candidateId: strong.id, params: strong.params } })).rejects.toThrow(/not visibly different/);
    const { candidate, pair: fixed } = await saveFix({
      ctx,
      input: { candidateId: strong.id, params: { ...strong.params, Highlights2012: -60 } },
    });
    expect(candidate.origin).toBe("human_fix");
    expect(candidate.renderer).toBe(strong.renderer);
    expect(fixed.strongId).toBe(candidate.id);
    expect(fixed.weakId).toBe(strong.id);
    const listed = await listPairs({ ctx: researcher, input: { origin: "human_fix" } });
    expect(listed.map((p) => p.id)).toContain(fixed.id);
  });

  it("researcher stats show gold accuracy per annotator, agreement, model accuracy with baselines and ratings", async () => {
    const a = createContext({ actor: await makeActor("annotator") });
    for (;;) {
      const next = await nextComparePair({ ctx: a, input: {} });
      if (!next) break;
      // This annotator always picks the strong member (reads the reveal of a probe label).
      const side = (await import("./blind-side")).leftMemberFor(next.pairId, a.actor!.id) === "strong" ? "a" : "b";
      await submitLabel({ ctx: a, input: { pairId: next.pairId, choice: side } });
    }
    const all = await getDb().select().from(pairs);
    for (const p of all) await judgePair({ ctx: researcher, input: { pairId: p.id } });
    const stats = await getPreferenceStats({ ctx: researcher });
    const golds = stats.gold.filter((g) => g.total > 0);
    expect(golds.some((g) => g.correct === g.total)).toBe(true);
    expect(stats.humanHuman.alpha.items).toBeGreaterThan(0);
    const acc = stats.rewardAccuracy.find((r) => r.model === "heuristic-reward")!;
    const overall = acc.table.find((r) => r.kind === "all")!;
    expect(overall.random).toBe(0.5);
    expect(overall.biggerChange).toBeGreaterThan(0);
    expect(acc.table.map((r) => r.kind)).toEqual(expect.arrayContaining(["omit", "over_edit", "wrong_direction"]));
    expect(stats.ratings.origins.map((r) => r.player)).toContain("user");
    const training = await listPairs({ ctx: researcher, input: { orderedBy: "heuristic-reward" } });
    expect(training.length).toBeGreaterThan(0);
    expect(training.every((p) => p.modelVerdicts.filter((v) => v.startsWith("heuristic-reward:strong")).length === 2)).toBe(true);
  });
});
