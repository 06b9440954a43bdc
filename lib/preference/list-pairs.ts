import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { candidates, instructions, labels, pairs, PAIR_ORIGINS, PERTURBATION_KINDS } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";

export const listPairsInput = z.object({
  origin: z.enum(PAIR_ORIGINS).optional(),
  kind: z.enum(PERTURBATION_KINDS).optional(),
  round: z.coerce.number().int().min(1).max(1000).optional(),
  /** Reward-model training data: only pairs whose model labels (both sides of the swap) order strong above weak. */
  orderedBy: z.string().trim().min(1).max(200).optional(),
  split: z.enum(["train", "accuracy"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type PairListItem = Awaited<ReturnType<typeof listPairs>>[number];

/**
 * Pairs for researcher views, newest first, with both members' provenance.
 * With `orderedBy` (a model name) it is the reward-model SFT set: pairs that
 * model ranked strong ≻ weak in BOTH swapped judgements (paper §4.1 keeps
 * only correctly ordered annotations).
 */
export async function listPairs({ ctx, input }: { ctx: Ctx; input: z.input<typeof listPairsInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const v = parseInput(listPairsInput, input);
  const strong = alias(candidates, "strong");
  const weak = alias(candidates, "weak");
  const conds: (SQL | undefined)[] = [
    v.origin ? eq(pairs.origin, v.origin) : undefined,
    v.kind ? eq(pairs.kind, v.kind) : undefined,
    v.round ? eq(pairs.round, v.round) : undefined,
    v.split ? eq(pairs.split, v.split) : undefined,
  ];
  if (v.orderedBy) {
    conds.push(
      sql`(select count(*) from ${labels} l where l.pair_id = ${pairs.id} and l.labeler_kind = 'model' and l.model_name = ${v.orderedBy} and l.choice = 'strong') = 2`,
    );
  }
  return ctx.db
    .select({
      id: pairs.id,
      origin: pairs.origin,
      kind: pairs.kind,
      round: pairs.round,
      gold: pairs.gold,
      split: pairs.split,
      renderer: pairs.renderer,
      createdAt: pairs.createdAt,
      instruction: instructions.text,
      strong: { id: strong.id, origin: strong.origin, strategy: strong.strategy, modelName: strong.modelName, params: strong.params },
      weak: { id: weak.id, origin: weak.origin, strategy: weak.strategy, modelName: weak.modelName, diff: weak.diffToStrong },
      judgeFailures: pairs.judgeFailures,
      judgeError: pairs.judgeError,
      humanLabels: sql<number>`(select count(*)::int from ${labels} l where l.pair_id = ${pairs.id} and l.labeler_kind = 'human')`,
      modelVerdicts: sql<
        string[]
      >`coalesce((select array_agg(l.model_name || ':' || l.choice || case when l.swapped then ' (swapped)' else '' end order by l.model_name, l.swapped) from ${labels} l where l.pair_id = ${pairs.id} and l.labeler_kind = 'model'), '{}')`,
    })
    .from(pairs)
    .innerJoin(instructions, eq(instructions.id, pairs.instructionId))
    .innerJoin(strong, eq(strong.id, pairs.strongId))
    .innerJoin(weak, eq(weak.id, pairs.weakId))
    .where(and(...conds))
    .orderBy(desc(pairs.createdAt))
    .limit(v.limit);
}
