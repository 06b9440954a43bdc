import "server-only";
import { and, desc, eq, exists, gt, gte, isNotNull, isNull, lt, notExists, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { instructions, perturbRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { requeue } from "@/lib/queue";
import { FAILURE_ERROR_MAX_CHARS, JUDGE_GIVE_UP_AFTER, JUDGE_RETRY_AFTER_MS } from "./judge-failures";

/**
 * Whether an instruction's perturb step is done. A perturb job can fail after it has stored the
 * strong candidate and some pairs (the blob store full half way through), so "has a strong
 * candidate" does not mean done: the step records its completion here, and a job that spends its
 * attempts records its error. The sweeper queues an accepted instruction until round 1 is done,
 * PERTURB_RETRY_AFTER_MS after each failure, and gives up after PERTURB_GIVE_UP_AFTER failed jobs
 * (at once for an error retrying cannot fix); the researcher's page lists those and retries them.
 * The same policy as judge jobs (judge-failures.ts).
 */
export const PERTURB_GIVE_UP_AFTER = JUDGE_GIVE_UP_AFTER;
export const PERTURB_RETRY_AFTER_MS = JUDGE_RETRY_AFTER_MS;

type RunKey = { instructionId: string; round: number };
/** A run's failure record, cleared. */
const NO_FAILURE = { failures: 0, error: null, failedAt: null };

/** Records that the perturb step of `instructionId` at `round` finished; clears any failure. */
export async function markPerturbDone({ ctx, input }: { ctx: Ctx; input: RunKey }) {
  const done = { completedAt: sql`now()`, ...NO_FAILURE };
  await ctx.db
    .insert(perturbRuns)
    .values({ ...input, ...done })
    .onConflictDoUpdate({ target: [perturbRuns.instructionId, perturbRuns.round], set: done });
}

/** Records that a perturb job spent its attempts (or hit an error retrying cannot fix). */
export async function markPerturbFailed({ ctx, input }: { ctx: Ctx; input: RunKey & { error: string; permanent: boolean } }) {
  const error = input.error.slice(0, FAILURE_ERROR_MAX_CHARS);
  const first = input.permanent ? PERTURB_GIVE_UP_AFTER : 1;
  await ctx.db
    .insert(perturbRuns)
    .values({ instructionId: input.instructionId, round: input.round, failures: first, error, failedAt: sql`now()` })
    .onConflictDoUpdate({
      target: [perturbRuns.instructionId, perturbRuns.round],
      set: {
        failures: input.permanent ? sql`greatest(${perturbRuns.failures} + 1, ${PERTURB_GIVE_UP_AFTER})` : sql`${perturbRuns.failures} + 1`,
        error,
        failedAt: sql`now()`,
      },
    });
}

/**
 * Accepted instructions whose round-1 perturb step the sweeper should queue: not done, and never
 * failed, or failed long enough ago and not given up on.
 */
export function perturbDue(ctx: Ctx, cutoff: Date): SQL {
  const retryBefore = new Date(Date.now() - PERTURB_RETRY_AFTER_MS);
  return and(
    eq(instructions.status, "accepted"),
    lt(instructions.updatedAt, cutoff),
    notExists(
      ctx.db
        .select({ one: sql`1` })
        .from(perturbRuns)
        .where(
          and(
            eq(perturbRuns.instructionId, instructions.id),
            eq(perturbRuns.round, 1),
            or(
              isNotNull(perturbRuns.completedAt),
              gte(perturbRuns.failures, PERTURB_GIVE_UP_AFTER),
              gte(perturbRuns.failedAt, retryBefore),
            ),
          ),
        ),
    ),
  )!;
}

/** The run's instruction is still accepted: the only ones the sweeper works on, so the only ones listed. */
const stillAccepted = (ctx: Ctx) =>
  exists(
    ctx.db
      .select({ one: sql`1` })
      .from(instructions)
      .where(and(eq(instructions.id, perturbRuns.instructionId), eq(instructions.status, "accepted"))),
  );

/** Runs the sweeper gave up on (never completed since). */
const givenUp = (ctx: Ctx) => and(isNull(perturbRuns.completedAt), gte(perturbRuns.failures, PERTURB_GIVE_UP_AFTER), stillAccepted(ctx));

/** The perturb steps given up on, most recent first, with how many there are and how many are still being retried. */
export async function listPerturbFailures({ ctx, input }: { ctx: Ctx; input: { limit?: number } }) {
  requireRole(ctx.actor, ["researcher"]);
  const given = givenUp(ctx);
  const [rows, total, retrying] = await Promise.all([
    ctx.db
      .select({
        instructionId: perturbRuns.instructionId,
        round: perturbRuns.round,
        failures: perturbRuns.failures,
        error: perturbRuns.error,
        failedAt: perturbRuns.failedAt,
        instruction: sql<string>`coalesce(${instructions.finalText}, ${instructions.text})`,
      })
      .from(perturbRuns)
      .innerJoin(instructions, eq(instructions.id, perturbRuns.instructionId))
      .where(given)
      .orderBy(desc(perturbRuns.failedAt))
      .limit(input.limit ?? 5),
    ctx.db.$count(perturbRuns, given),
    ctx.db.$count(
      perturbRuns,
      and(
        isNull(perturbRuns.completedAt),
        gt(perturbRuns.failures, 0),
        lt(perturbRuns.failures, PERTURB_GIVE_UP_AFTER),
        stillAccepted(ctx),
      ),
    ),
  ]);
  return { total, retrying, recent: rows };
}

export const retryPerturbingInput = z.object({ limit: z.number().int().min(1).max(5_000).default(2_000) }).strict();

/** The researcher's "retry": perturb steps given up on start afresh and are queued now. */
export async function retryPerturbing({ ctx, input }: { ctx: Ctx; input: z.input<typeof retryPerturbingInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { limit } = parseInput(retryPerturbingInput, input ?? {});
  // One statement clears them all, before any is queued: if Redis is away, the sweeper queues a round-1 step instead.
  const picked = ctx.db
    .select({ instructionId: perturbRuns.instructionId, round: perturbRuns.round })
    .from(perturbRuns)
    .where(givenUp(ctx))
    .limit(limit);
  const given = await ctx.db
    .update(perturbRuns)
    .set(NO_FAILURE)
    .where(sql`(${perturbRuns.instructionId}, ${perturbRuns.round}) in ${picked}`)
    .returning({ instructionId: perturbRuns.instructionId, round: perturbRuns.round });
  for (const run of given) await requeue("perturb", run);
  return { queued: given.length };
}
