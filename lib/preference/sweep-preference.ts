import "server-only";
import { and, eq, lt, notExists, sql } from "drizzle-orm";
import { candidates, instructions, pairs } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { enqueue, requeue } from "@/lib/queue";
import { judgeDue } from "./judge-failures";

/**
 * Re-enqueues preference work Postgres says is missing: accepted instructions
 * with no strong candidate yet (→ perturb) and pairs without a model label
 * whose judging is due (→ judge-pair; see judge-failures.ts for retries and
 * giving up). Job ids are derived from row ids, so queued work is not
 * duplicated and a lost queue loses nothing.
 */
export async function sweepPreference({ ctx, input }: { ctx: Ctx; input: { olderThanMs?: number; limit?: number } }) {
  const cutoff = new Date(Date.now() - (input.olderThanMs ?? 0));
  const limit = input.limit ?? 2_000;
  const pairless = await ctx.db
    .select({ id: instructions.id })
    .from(instructions)
    .where(
      and(
        eq(instructions.status, "accepted"),
        lt(instructions.updatedAt, cutoff),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(candidates)
            .where(and(eq(candidates.instructionId, instructions.id), eq(candidates.origin, "user"))),
        ),
      ),
    )
    .limit(limit);
  for (const { id } of pairless) await enqueue("perturb", { instructionId: id, round: 1 });
  const unjudged = await ctx.db.select({ id: pairs.id }).from(pairs).where(judgeDue(ctx, cutoff)).limit(limit);
  // requeue, not enqueue: a judge job that spent its attempts (a model server down for a while) is stale once its retry is due.
  for (const { id } of unjudged) await requeue("judge-pair", { pairId: id });
  return { perturb: pairless.length, judge: unjudged.length };
}
