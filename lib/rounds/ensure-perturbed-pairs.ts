import "server-only";
import { and, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { pairs } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { applyStrategy } from "@/lib/preference/strategies";
import { roundSamples } from "./round-samples";
import { upsertCandidate } from "./upsert-candidate";

/**
 * Makes sure each round sample has perturbed pairs (strong = the user's edit,
 * weak = a rule-based perturbation from lib/preference): `scale:0.3` pairs
 * (every third held out for accuracy) and `flip-sign` pairs, which reverse
 * the edit and so have a known answer: they are the gold set. Idempotent.
 *
 * The preference pipeline's perturb step uses the same two strategies, so it
 * may have stored the same pair first (as training data). The round's design
 * decides such a pair's split and gold answer: otherwise which samples a
 * round holds out would depend on which worker reached them first, and a
 * round could measure its reward model on no perturbed pairs at all. The
 * round claims them before its own export, which then leaves them out. A
 * pair an export has already carried is training data for good: a model
 * may have learnt it, so it is never held out (`keptForTraining`).
 */
export async function ensurePerturbedPairs({ ctx, snapshotId, limit }: { ctx: Ctx; snapshotId: string; limit: number }) {
  const samples = await roundSamples({ ctx, snapshotId, limit });
  let created = 0;
  let claimed = 0;
  let keptForTraining = 0;
  for (const [i, s] of samples.entries()) {
    const strong = await upsertCandidate({
      ctx,
      trajectoryId: s.trajectoryId,
      instructionId: s.sampleId,
      sourceSha: s.source.sha256,
      params: s.params as DevelopParams,
      origin: "user",
      round: 0,
    });
    for (const name of ["scale:0.3", "flip-sign"] as const) {
      const weak = applyStrategy(s.params as DevelopParams, name);
      if (!weak) continue;
      const w = await upsertCandidate({
        ctx,
        trajectoryId: s.trajectoryId,
        instructionId: s.sampleId,
        sourceSha: s.source.sha256,
        params: weak.params,
        origin: "perturber",
        round: 0,
        strategy: weak.strategy,
        kind: weak.kind,
      });
      // Both members of a pair come from one renderer (an older engine's strong render is left unpaired).
      if (w.id === strong.id || w.renderer !== strong.renderer) continue;
      const gold = name === "flip-sign";
      const split = gold || i % 3 === 0 ? "accuracy" : "train";
      const goldAnswer = gold ? ("strong" as const) : null;
      const [row] = await ctx.db
        .insert(pairs)
        .values({
          instructionId: s.sampleId,
          strongId: strong.id,
          weakId: w.id,
          origin: "perturbed",
          kind: weak.kind,
          round: 0,
          gold,
          goldAnswer,
          split,
          renderer: strong.renderer,
        })
        .onConflictDoUpdate({
          target: [pairs.strongId, pairs.weakId],
          set: { split, gold, goldAnswer },
          // Only a perturbed pair the round would file otherwise; a pair already as the round wants it is left alone.
          setWhere: and(eq(pairs.origin, "perturbed"), or(ne(pairs.split, split), ne(pairs.gold, gold)), isNull(pairs.exportedAt)),
        })
        // xmax = 0: the row was inserted, not updated.
        .returning({ inserted: sql<boolean>`xmax = 0` });
      if (row?.inserted) created++;
      else if (row) claimed++;
      else if (split === "accuracy" && (await exportedAsTraining(ctx, strong.id, w.id))) keptForTraining++;
    }
  }
  return { samples: samples.length, created, claimed, keptForTraining };
}

/** The pair (strong, weak) is training data an export has carried. */
async function exportedAsTraining(ctx: Ctx, strongId: string, weakId: string) {
  return (
    (await ctx.db.$count(
      pairs,
      and(eq(pairs.strongId, strongId), eq(pairs.weakId, weakId), eq(pairs.split, "train"), isNotNull(pairs.exportedAt)),
    )) > 0
  );
}
