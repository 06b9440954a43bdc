import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inferenceCalls, type CallStatus } from "@/db/schema";
import { groupCommit } from "./group-commit";

/** One finished call, as written to `inference_calls` in one go (the deferred log). */
export type CallRecord = typeof inferenceCalls.$inferInsert & { status: CallStatus };
/** What is known before the request goes out. */
export type CallStart = Omit<CallRecord, "status" | "attempts" | "latencyMs" | "rawOutput" | "reasoning" | "parsed" | "error" | "promptTokens" | "completionTokens"> & {
  deadlineAt: Date;
};
/** How the call ended. */
export type CallEnd = Pick<CallRecord, "status" | "attempts" | "latencyMs" | "promptTokens" | "completionTokens" | "rawOutput" | "reasoning" | "parsed" | "error">;

/**
 * Writes the call's `started` row before the request goes out (group
 * committed with other calls starting now) and returns its id; a process
 * killed mid-call leaves this row for the sweeper (sweepAbandonedCalls).
 */
export const startCall = groupCommit(async (db, batch: CallStart[]) => {
  const rows = await db
    .insert(inferenceCalls)
    .values(batch.map((r) => ({ ...r, status: "started" as const, attempts: 0, latencyMs: 0 })))
    .returning({ id: inferenceCalls.id });
  // Ids come from one sequence in VALUES order; sort so the mapping never depends on RETURNING order.
  return rows.map((r) => r.id).sort((a, b) => a - b);
});

/** Completes a started row with the outcome; group committed as one UPDATE … FROM (VALUES …). */
export const finishCall = groupCommit(async (db, batch: { id: number; end: CallEnd }[]) => {
  const values = sql.join(
    batch.map(
      ({ id, end: e }) =>
        sql`(${id}::bigint, ${e.status}::text, ${e.attempts ?? 1}::int, ${e.latencyMs}::int, ${e.promptTokens ?? null}::int, ${e.completionTokens ?? null}::int, ${e.rawOutput ?? null}::text, ${e.reasoning ?? null}::text, ${e.parsed === null || e.parsed === undefined ? null : JSON.stringify(e.parsed)}::jsonb, ${e.error ?? null}::text)`,
    ),
    sql`, `,
  );
  await db.execute(sql`
    update inference_calls c set status = v.status, attempts = v.attempts, latency_ms = v.latency_ms,
      prompt_tokens = v.prompt_tokens, completion_tokens = v.completion_tokens, raw_output = v.raw_output,
      reasoning = v.reasoning, parsed = v.parsed, error = v.error, finished_at = now(), deadline_at = null
    from (values ${values}) as v(id, status, attempts, latency_ms, prompt_tokens, completion_tokens, raw_output, reasoning, parsed, error)
    where c.id = v.id`);
  return batch.map(() => undefined);
});

/** The latest successful call with this request hash, if any (the cache of deterministic roles). */
export async function findCachedCall(db: Db | Tx, hash: string): Promise<{ id: number; parsed: unknown } | undefined> {
  const [row] = await cachedCallQuery(db).execute({ hash });
  return row;
}

// Prepared once per database handle: query building is a visible share of a call's CPU.
const prepared = new WeakMap<Db | Tx, ReturnType<typeof buildCachedCallQuery>>();
function buildCachedCallQuery(db: Db | Tx) {
  return db
    .select({ id: inferenceCalls.id, parsed: inferenceCalls.parsed })
    .from(inferenceCalls)
    .where(and(eq(inferenceCalls.requestHash, sql.placeholder("hash")), eq(inferenceCalls.status, "ok")))
    .orderBy(desc(inferenceCalls.id))
    .limit(1)
    .prepare("inference_cached_call");
}
function cachedCallQuery(db: Db | Tx) {
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = buildCachedCallQuery(db)));
  return q;
}
