import "server-only";
import { and, eq } from "drizzle-orm";
import { candidates, pairs } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { runRole, type ModelConfig } from "@/lib/inference";
import { roundSamples } from "./round-samples";
import { upsertCandidate } from "./upsert-candidate";

/**
 * The round's policy edits each round sample once; each edit becomes a weak
 * candidate paired with the user's (strong) edit: the policy-generated pairs
 * of PGRT. Even samples go to the next round's training data, odd ones are
 * held out for accuracy. Idempotent (candidates and pairs are keyed).
 */
export async function rollOutPolicy({
  ctx,
  snapshotId,
  limit,
  round,
  policy,
}: {
  ctx: Ctx;
  snapshotId: string;
  limit: number;
  round: number;
  policy: ModelConfig;
}) {
  const samples = await roundSamples({ ctx, snapshotId, limit });
  let made = 0;
  let failed = 0;
  for (const [i, s] of samples.entries()) {
    const [strong] = await ctx.db
      .select({ id: candidates.id, renderer: candidates.renderer })
      .from(candidates)
      .where(and(eq(candidates.instructionId, s.sampleId), eq(candidates.origin, "user")))
      .limit(1);
    if (!strong) continue;
    const out = await runRole({
      ctx: { ...ctx, system: true },
      role: "policy",
      model: policy,
      input: { instruction: s.instruction, source: { sha256: s.source.sha256 }, n: 1 },
    });
    if (!out.ok) {
      failed++;
      continue;
    }
    const weak = await upsertCandidate({
      ctx,
      trajectoryId: s.trajectoryId,
      instructionId: s.sampleId,
      sourceSha: s.source.sha256,
      params: out.output.samples[0].params as DevelopParams,
      origin: "policy",
      round,
      modelName: policy.name,
    });
    // Both members of a pair come from one renderer (an older engine's strong render is left unpaired).
    if (weak.id === strong.id || weak.renderer !== strong.renderer) continue;
    await ctx.db
      .insert(pairs)
      .values({
        instructionId: s.sampleId,
        strongId: strong.id,
        weakId: weak.id,
        origin: "policy",
        round,
        split: i % 2 === 0 ? "train" : "accuracy",
        renderer: strong.renderer,
      })
      .onConflictDoNothing();
    made++;
  }
  return { pairs: made, failed };
}
