import "server-only";
import { instructions, pairs } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { requeue } from "@/lib/queue";
import { judgeDue } from "./judge-failures";
import { perturbDue } from "./perturb-runs";

/**
 * Re-enqueues preference work Postgres says is missing: accepted instructions
 * whose perturb step is not done (→ perturb; see perturb-runs.ts) and pairs
 * without a model label whose judging is due (→ judge-pair; see
 * judge-failures.ts); both retry after a failure and give up after a few.
 * Job ids are derived from row ids, so queued work is not duplicated and a
 * lost queue loses nothing.
 */
export async function sweepPreference({ ctx, input }: { ctx: Ctx; input: { olderThanMs?: number; limit?: number } }) {
  const cutoff = new Date(Date.now() - (input.olderThanMs ?? 0));
  const limit = input.limit ?? 2_000;
  const unperturbed = await ctx.db.select({ id: instructions.id }).from(instructions).where(perturbDue(ctx, cutoff)).limit(limit);
  // requeue, not enqueue: a perturb job that spent its attempts is stale once its retry is due.
  for (const { id } of unperturbed) await requeue("perturb", { instructionId: id, round: 1 });
  const unjudged = await ctx.db.select({ id: pairs.id }).from(pairs).where(judgeDue(ctx, cutoff)).limit(limit);
  // requeue, not enqueue: a judge job that spent its attempts (a model server down for a while) is stale once its retry is due.
  for (const { id } of unjudged) await requeue("judge-pair", { pairId: id });
  return { perturb: unperturbed.length, judge: unjudged.length };
}
