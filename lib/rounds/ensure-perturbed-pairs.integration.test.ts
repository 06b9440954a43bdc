import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { alias } from "drizzle-orm/pg-core";
import { candidates, pairs } from "@/db/schema";
import { systemContext } from "@/lib/context";
import { ENGINE_RENDERER, generatePerturbedPairs } from "@/lib/preference";
import { createExport } from "@/lib/training/export";
import { seedSamples, type SeededSample } from "@/test/training/training-fixtures";
import { ensurePerturbedPairs } from "./ensure-perturbed-pairs";
import { roundSamples } from "./round-samples";

let samples: SeededSample[];
let snapshotId: string;

beforeAll(async () => {
  ({ samples, snapshotId } = await seedSamples(6));
});

const perturbedPairsOf = (instructionIds: string[]) =>
  getDb()
    .select({ instructionId: pairs.instructionId, split: pairs.split, gold: pairs.gold })
    .from(pairs)
    .where(and(inArray(pairs.instructionId, instructionIds), eq(pairs.origin, "perturbed")));

describe("ensurePerturbedPairs", () => {
  it("holds out the round's pairs even where the perturb step stored the same pairs first, as training data", async () => {
    const ctx = systemContext();
    // The preference pipeline got there first: every sample's scale:0.3 and flip-sign pairs, split "train", not gold.
    for (const s of samples) {
      await generatePerturbedPairs({
        ctx,
        input: { instructionId: s.instructionId, strategies: ["scale:0.3", "flip-sign"], withModel: false },
        check: async () => ({ verdict: "weaker", reason: "test: accepted", by: "test" }),
      });
    }
    const ids = samples.map((s) => s.instructionId);
    const before = await perturbedPairsOf(ids);
    expect(before.length).toBeGreaterThanOrEqual(samples.length);
    expect(before.every((p) => p.split === "train" && !p.gold)).toBe(true);

    const made = await ensurePerturbedPairs({ ctx, snapshotId, limit: 6 });
    expect(made.claimed).toBeGreaterThan(0);
    const order = (await roundSamples({ ctx, snapshotId, limit: 6 })).map((s) => s.sampleId);
    const after = await perturbedPairsOf(ids);
    // Every sample has a gold (flip-sign) pair; every third sample's other pair is held out for accuracy.
    for (const [i, id] of order.entries()) {
      const own = after.filter((p) => p.instructionId === id);
      expect(
        own.some((p) => p.gold && p.split === "accuracy"),
        `sample ${i}`,
      ).toBe(true);
      if (i % 3 === 0)
        expect(
          own.some((p) => !p.gold && p.split === "accuracy"),
          `sample ${i}`,
        ).toBe(true);
    }
    // A second call changes nothing.
    expect(await ensurePerturbedPairs({ ctx, snapshotId, limit: 6 })).toMatchObject({ created: 0, claimed: 0 });
  });

  it("files each pair under its members' renderer", async () => {
    const ctx = systemContext();
    const fresh = await seedSamples(2);
    const made = await ensurePerturbedPairs({ ctx, snapshotId: fresh.snapshotId, limit: 2 });
    expect(made.created).toBeGreaterThan(0);
    const strong = alias(candidates, "strong");
    const weak = alias(candidates, "weak");
    const rows = await getDb()
      .select({ pair: pairs.renderer, strong: strong.renderer, weak: weak.renderer })
      .from(pairs)
      .innerJoin(strong, eq(strong.id, pairs.strongId))
      .innerJoin(weak, eq(weak.id, pairs.weakId))
      .where(
        inArray(
          pairs.instructionId,
          fresh.samples.map((s) => s.instructionId),
        ),
      );
    expect(rows).toHaveLength(made.created);
    for (const r of rows) expect(r).toEqual({ pair: ENGINE_RENDERER, strong: ENGINE_RENDERER, weak: ENGINE_RENDERER });
  });

  it("never holds out a pair a training export has already carried", async () => {
    const ctx = systemContext();
    const fresh = await seedSamples(3);
    for (const s of fresh.samples) {
      await generatePerturbedPairs({
        ctx,
        input: { instructionId: s.instructionId, strategies: ["scale:0.3", "flip-sign"], withModel: false },
        check: async () => ({ verdict: "weaker", reason: "test: accepted", by: "test" }),
      });
    }
    const ids = fresh.samples.map((s) => s.instructionId);
    const stored = await perturbedPairsOf(ids);
    // A reward model's training data carried them before any round held them out.
    const exported = await createExport({
      ctx,
      input: { format: "llamafactory-reward-sft", name: "before-the-round", snapshotId: fresh.snapshotId, benchmarkItems: "skip" },
    });
    expect(exported.export.counts.rows).toBeGreaterThan(0);

    const made = await ensurePerturbedPairs({ ctx, snapshotId: fresh.snapshotId, limit: 3 });
    // The design holds out each sample's flip-sign pair and the first sample's scale:0.3 pair: all exported already.
    expect(made.claimed).toBe(0);
    expect(made.keptForTraining).toBeGreaterThanOrEqual(fresh.samples.length);
    expect(made.keptForTraining).toBeLessThanOrEqual(stored.length);
    const after = await perturbedPairsOf(ids);
    expect(after.filter((p) => p.split === "accuracy" || p.gold)).toEqual([]);
  });
});
