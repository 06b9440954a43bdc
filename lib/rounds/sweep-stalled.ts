import "server-only";
import { and, inArray, isNull, lt, eq } from "drizzle-orm";
import { rounds, trainingRuns } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { enqueue } from "@/lib/queue";

/**
 * Re-queues rounds and stand-alone training runs that Postgres says are still
 * going but nobody has advanced for `olderThanMs` (their job chain was lost
 * with Redis, or a worker died). Every step is idempotent, so a resumed round
 * continues where it stopped. The threshold is well above the longest step,
 * so a live chain is never doubled.
 */
export async function sweepStalledTraining({ ctx, input }: { ctx: Ctx; input: { olderThanMs?: number } }) {
  const before = new Date(Date.now() - (input.olderThanMs ?? 15 * 60_000));
  const stalledRounds = await ctx.db
    .select({ id: rounds.id })
    .from(rounds)
    .where(and(eq(rounds.status, "running"), lt(rounds.updatedAt, before)))
    .limit(100);
  const stalledRuns = await ctx.db
    .select({ id: trainingRuns.id })
    .from(trainingRuns)
    .where(
      and(
        inArray(trainingRuns.status, ["pending", "submitted", "running"]),
        isNull(trainingRuns.roundId),
        lt(trainingRuns.updatedAt, before),
      ),
    )
    .limit(100);
  const tick = Date.now();
  for (const r of stalledRounds) await enqueue("advance-round", { roundId: r.id, tick });
  for (const r of stalledRuns) await enqueue("advance-training-run", { runId: r.id, tick });
  return { rounds: stalledRounds.length, runs: stalledRuns.length };
}
