import "server-only";
import { and, eq } from "drizzle-orm";
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
 */
export async function ensurePerturbedPairs({ ctx, snapshotId, limit }: { ctx: Ctx; snapshotId: string; limit: number }) {
  const samples = await roundSamples({ ctx, snapshotId, limit });
  let created = 0;
  for (const [i, s] of samples.entries()) {
    const [existing] = await ctx.db.select({ id: pairs.id }).from(pairs).where(and(eq(pairs.instructionId, s.sampleId), eq(pairs.origin, "perturbed"))).limit(1);
    if (existing) continue;
    const strong = await upsertCandidate({ ctx, trajectoryId: s.trajectoryId, instructionId: s.sampleId, sourceSha: s.source.sha256, params: s.params as DevelopParams, origin: "user", round: 0 });
    for (const name of ["scale:0.3", "flip-sign"] as const) {
      const weak = applyStrategy(s.params as DevelopParams, name);
      if (!weak) continue;
      const w = await upsertCandidate({ ctx, trajectoryId: s.trajectoryId, instructionId: s.sampleId, sourceSha: s.source.sha256, params: weak.params, origin: "perturber", round: 0, strategy: weak.strategy, kind: weak.kind });
      if (w.id === strong.id) continue;
      const gold = name === "flip-sign";
      await ctx.db
        .insert(pairs)
        .values({ instructionId: s.sampleId, strongId: strong.id, weakId: w.id, origin: "perturbed", kind: weak.kind, round: 0, gold, goldAnswer: gold ? "strong" : null, split: gold || i % 3 === 0 ? "accuracy" : "train", renderer: "engine" })
        .onConflictDoNothing();
      created++;
    }
  }
  return { samples: samples.length, created };
}
