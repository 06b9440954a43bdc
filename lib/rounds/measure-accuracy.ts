import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { labels, roundAccuracy, type AccuracySet } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { runRole, type ModelConfig } from "@/lib/inference";
import { bootstrapMean } from "@/lib/eval/stats/bootstrap";

type HeldOut = {
  pairId: string;
  instruction: string;
  sourceSha: string;
  strongKey: string;
  weakKey: string;
  strongMag: number;
  weakMag: number;
};

const SET_WHERE: Record<AccuracySet, (round: number) => ReturnType<typeof sql>> = {
  perturbed: () => sql`p.origin = 'perturbed' and not p.gold`,
  gold: () => sql`(p.gold or p.origin = 'human_fix')`,
  // The policy pairs of the round before: the reward model never trained on them.
  policy: (round) => sql`p.origin = 'policy' and p.round = ${round}`,
};

/**
 * Reward-model accuracy on held-out (`accuracy` split) pairs of one set,
 * from the round's snapshot:
 * every pair judged twice with the sides swapped (labels of kind `model`,
 * resumable through their unique key), a pair scores 1 when the strong edit
 * wins both, ½ when the orders disagree (position bias) or tie, 0 when it
 * loses both. Saves the mean with a 95% bootstrap interval and the random
 * and "bigger change wins" baselines.
 */
export async function measureAccuracy({
  ctx,
  roundId,
  round,
  set,
  model,
  limit,
  snapshotId,
}: {
  ctx: Ctx;
  roundId: string;
  round: number;
  set: AccuracySet;
  model: ModelConfig;
  limit: number;
  /** Only pairs of this snapshot's trajectories (the round's data). */
  snapshotId: string;
}) {
  const held = (await ctx.db.execute(sql`
    select p.id::text as "pairId", i.text as instruction, t.source_sha as "sourceSha", cs.image_key as "strongKey", cw.image_key as "weakKey",
           cs.magnitude as "strongMag", cw.magnitude as "weakMag"
    from pairs p join instructions i on i.id = p.instruction_id join trajectories t on t.id = i.trajectory_id
    join candidates cs on cs.id = p.strong_id join candidates cw on cw.id = p.weak_id
    where p.split = 'accuracy' and cs.image_key is not null and cw.image_key is not null and ${SET_WHERE[set](round - 1)}
      and exists (select 1 from snapshot_items si where si.snapshot_id = ${snapshotId}::uuid and si.trajectory_id = t.id)
    order by p.id limit ${limit}`)) as unknown as HeldOut[];
  const scores: number[] = [];
  let biased = 0;
  for (const p of held) {
    const verdicts: number[] = [];
    for (const swapped of [false, true]) {
      const [a, b] = swapped ? [p.weakKey, p.strongKey] : [p.strongKey, p.weakKey];
      const [have] = await ctx.db
        .select({ s: labels.scoreStrong, w: labels.scoreWeak })
        .from(labels)
        .where(
          and(eq(labels.pairId, p.pairId), eq(labels.labelerKind, "model"), eq(labels.modelName, model.name), eq(labels.swapped, swapped)),
        )
        .limit(1);
      let s = have?.s ?? null;
      let w = have?.w ?? null;
      if (s === null || w === null) {
        const out = await runRole({
          ctx: { ...ctx, system: true },
          role: "reward",
          model,
          input: { instruction: p.instruction, source: { sha256: p.sourceSha }, a: { image: { sha256: a } }, b: { image: { sha256: b } } },
        });
        if (!out.ok) continue;
        [s, w] = swapped ? [out.output.scores.B, out.output.scores.A] : [out.output.scores.A, out.output.scores.B];
        await ctx.db
          .insert(labels)
          .values({
            pairId: p.pairId,
            labelerKind: "model",
            modelId: model.id,
            modelName: model.name,
            choice: s > w ? "strong" : s < w ? "weak" : "tie",
            leftWas: swapped ? "weak" : "strong",
            swapped,
            scoreStrong: s,
            scoreWeak: w,
            metrics: { metrics: out.output.metrics },
          })
          .onConflictDoNothing();
      }
      verdicts.push(s > w ? 1 : s === w ? 0.5 : 0);
    }
    if (verdicts.length < 2) continue;
    if (verdicts[0] !== verdicts[1]) biased++;
    scores.push((verdicts[0] + verdicts[1]) / 2);
  }
  const ci = bootstrapMean(scores, { seed: round * 7 + set.length });
  const bigger = held.length
    ? held.reduce((acc, p) => acc + (p.strongMag > p.weakMag ? 1 : p.strongMag === p.weakMag ? 0.5 : 0), 0) / held.length
    : NaN;
  if (scores.length === 0) return { set, n: 0 };
  const row = {
    roundId,
    set,
    n: scores.length,
    accuracy: ci.mean,
    lo: ci.lo,
    hi: ci.hi,
    positionBias: biased / scores.length,
    randomBaseline: 0.5,
    biggerChangeBaseline: bigger,
  };
  await ctx.db
    .insert(roundAccuracy)
    .values(row)
    .onConflictDoUpdate({ target: [roundAccuracy.roundId, roundAccuracy.set], set: row });
  return row;
}
