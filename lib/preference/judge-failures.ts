import "server-only";
import { and, desc, eq, gt, gte, inArray, isNull, lt, notExists, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { labels, pairs } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { requeue } from "@/lib/queue";

/**
 * When the reward model cannot label a pair. A judge job retries with backoff (the queue's
 * attempts); when those are spent its pair records the failure. The sweeper queues the pair
 * again after JUDGE_RETRY_AFTER_MS (a model server that was down for a while is usually back),
 * and gives up after JUDGE_GIVE_UP_AFTER such jobs: the pair then shows "judge failed" with the
 * error on the researcher's page, until someone retries it there. An error that retrying cannot
 * fix (a missing row, an undecodable image) gives up at once.
 */
export const JUDGE_GIVE_UP_AFTER = 3;
export const JUDGE_RETRY_AFTER_MS = 10 * 60_000;
/** How much of a failed job's error a row keeps (judge and perturb failures alike). */
export const FAILURE_ERROR_MAX_CHARS = 500;

/** A pair without a label from any model. */
const unjudged = (ctx: Ctx) =>
  notExists(
    ctx.db
      .select({ one: sql`1` })
      .from(labels)
      .where(and(eq(labels.pairId, pairs.id), eq(labels.labelerKind, "model"))),
  );

/** Unlabelled pairs the judge gave up on. */
const givenUp = (ctx: Ctx) => and(gte(pairs.judgeFailures, JUDGE_GIVE_UP_AFTER), unjudged(ctx));

/** Records that a judge job for `pairId` spent its attempts (or hit an error retrying cannot fix). */
export async function markJudgeFailed({ ctx, input }: { ctx: Ctx; input: { pairId: string; error: string; permanent: boolean } }) {
  await ctx.db
    .update(pairs)
    .set({
      judgeFailures: input.permanent ? sql`greatest(${pairs.judgeFailures} + 1, ${JUDGE_GIVE_UP_AFTER})` : sql`${pairs.judgeFailures} + 1`,
      judgeError: input.error.slice(0, FAILURE_ERROR_MAX_CHARS),
      judgeFailedAt: sql`now()`,
    })
    .where(eq(pairs.id, input.pairId));
}

/** A pair's failure record, cleared. */
const NO_FAILURE = { judgeFailures: 0, judgeError: null, judgeFailedAt: null };

/** Clears a pair's failure record once the judge has labelled it. */
export async function clearJudgeFailure({ ctx, input }: { ctx: Ctx; input: { pairId: string } }) {
  await ctx.db
    .update(pairs)
    .set(NO_FAILURE)
    .where(and(eq(pairs.id, input.pairId), gt(pairs.judgeFailures, 0)));
}

/** Unlabelled pairs the sweeper should queue: never failed, or failed long enough ago and not given up on. */
export function judgeDue(ctx: Ctx, cutoff: Date): SQL {
  const retryBefore = new Date(Date.now() - JUDGE_RETRY_AFTER_MS);
  return and(
    lt(pairs.createdAt, cutoff),
    lt(pairs.judgeFailures, JUDGE_GIVE_UP_AFTER),
    or(isNull(pairs.judgeFailedAt), lt(pairs.judgeFailedAt, retryBefore)),
    unjudged(ctx),
  )!;
}

/** The pairs the judge gave up on (unlabelled), most recent first, with how many there are. */
export async function listJudgeFailures({ ctx, input }: { ctx: Ctx; input: { limit?: number } }) {
  requireRole(ctx.actor, ["researcher"]);
  const given = givenUp(ctx);
  const [rows, total, retrying] = await Promise.all([
    ctx.db
      .select({ id: pairs.id, failures: pairs.judgeFailures, error: pairs.judgeError, failedAt: pairs.judgeFailedAt })
      .from(pairs)
      .where(given)
      .orderBy(desc(pairs.judgeFailedAt))
      .limit(input.limit ?? 5),
    ctx.db.$count(pairs, given),
    ctx.db.$count(pairs, and(gt(pairs.judgeFailures, 0), lt(pairs.judgeFailures, JUDGE_GIVE_UP_AFTER), unjudged(ctx))),
  ]);
  return { total, retrying, recent: rows };
}

export const retryJudgingInput = z.object({ limit: z.number().int().min(1).max(5_000).default(2_000) }).strict();

/** The researcher's "retry judging": pairs the judge gave up on start afresh and are queued now. */
export async function retryJudging({ ctx, input }: { ctx: Ctx; input: z.input<typeof retryJudgingInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { limit } = parseInput(retryJudgingInput, input ?? {});
  // One statement clears them all, before any is queued: if Redis is away, the sweeper queues the pairs instead.
  const given = await ctx.db
    .update(pairs)
    .set(NO_FAILURE)
    .where(inArray(pairs.id, ctx.db.select({ id: pairs.id }).from(pairs).where(givenUp(ctx)).limit(limit)))
    .returning({ id: pairs.id });
  for (const { id } of given) await requeue("judge-pair", { pairId: id });
  return { queued: given.length };
}
