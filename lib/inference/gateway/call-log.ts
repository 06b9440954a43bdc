import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { getCommitSql, getDb, type Db, type Tx } from "@/db/client";
import { inferenceCalls, type CallStatus } from "@/db/schema";
import { groupCommit } from "./group-commit";

/** One finished call, as written to `inference_calls` in one go (the deferred log). */
export type CallRecord = typeof inferenceCalls.$inferInsert & { status: CallStatus };
/** What is known before the request goes out. */
export type CallStart = Omit<
  CallRecord,
  "status" | "attempts" | "latencyMs" | "rawOutput" | "reasoning" | "parsed" | "error" | "promptTokens" | "completionTokens"
> & {
  deadlineAt: Date;
};
/** How the call ended. */
export type CallEnd = Pick<
  CallRecord,
  "status" | "attempts" | "latencyMs" | "promptTokens" | "completionTokens" | "rawOutput" | "reasoning" | "parsed" | "error"
>;
/** The latest successful call with the same request hash (the cache of deterministic roles). */
export type CachedCall = { id: number; parsed: unknown };

type LogOp = { start: CallStart; lookup: boolean } | { finish: { id: number; end: CallEnd } };
type LogResult = { id: number; hit: CachedCall | null } | null;

/**
 * One statement per flush, whatever it carries: `started` rows inserted (ids
 * drawn in arrival order), finished rows completed, and for starts that ask,
 * the cached answer looked up — one round trip and one commit. Rows travel as
 * one JSON parameter, so the text never changes and is prepared once per
 * connection. The lookup reads the snapshot before this statement's writes.
 */
const logStatement = (starts: string, finishes: string) => sql`
  with s as (
    select nextval(pg_get_serial_sequence('inference_calls', 'id')) as id, x.*
    from rows from (jsonb_to_recordset(${starts}::text::jsonb) as (
      request_hash text, role text, model_id uuid, model_name text, backend text, prompt_id text,
      prompt_version text, temperature real, inputs jsonb, deadline_at timestamptz, lookup boolean)) with ordinality
      as x(request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs, deadline_at, lookup, ord)
  ), started as (
    insert into inference_calls (id, request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs, deadline_at, status, attempts, latency_ms)
    select id, request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs, deadline_at, 'started', 0, 0 from s
  ), finished as (
    update inference_calls c set status = v.status, attempts = v.attempts, latency_ms = v.latency_ms,
      prompt_tokens = v.prompt_tokens, completion_tokens = v.completion_tokens, raw_output = v.raw_output,
      reasoning = v.reasoning, parsed = v.parsed, error = v.error, finished_at = now(), deadline_at = null
    from jsonb_to_recordset(${finishes}::text::jsonb) as v(id bigint, status text, attempts int, latency_ms int,
      prompt_tokens int, completion_tokens int, raw_output text, reasoning text, parsed jsonb, error text)
    where c.id = v.id
  )
  select s.ord, s.id, hit.id as hit_id, hit.parsed as hit_parsed
  from s left join lateral (
    select c.id, c.parsed from inference_calls c
    where s.lookup and c.request_hash = s.request_hash and c.status = 'ok' order by c.id desc limit 1
  ) hit on true
  order by s.ord`;
const LOG_STATEMENT_TEXT = new PgDialect().sqlToQuery(logStatement("", "")).sql;

/** JSON for Postgres: jsonb refuses \u0000, so a NUL a model sends becomes U+FFFD instead of failing the whole batch. */
const pgJson = (rows: unknown[]) => JSON.stringify(rows).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\uFFFD");

type Row = { ord: string | number; id: string | number; hit_id: string | number | null; hit_parsed: unknown };

async function runLogStatement(db: Db | Tx, starts: string, finishes: string): Promise<Row[]> {
  // The process-wide handle writes through its own small pool (prepared statement, never behind other queries);
  // a transaction or another database writes through the handle it was given.
  if (db === getDb()) return getCommitSql().unsafe<Row[]>(LOG_STATEMENT_TEXT, [starts, finishes], { prepare: true });
  return Array.from(await db.execute<Row>(logStatement(starts, finishes)));
}

// One flush at a time: Postgres writes the WAL of concurrent commits one flush after another,
// so two statements in flight each wait about twice as long (here: 1.9 ms for a lone commit,
// 4 ms each for two at once) while one statement carries both batches for the price of one.
const writeLog = groupCommit(
  async (db, ops: LogOp[]): Promise<LogResult[]> => {
    const starts: (CallStart & { lookup: boolean })[] = [];
    const finishes: Record<string, unknown>[] = [];
    for (const op of ops) {
      if ("start" in op) starts.push({ ...op.start, lookup: op.lookup });
      else finishes.push({ id: op.finish.id, ...op.finish.end, attempts: op.finish.end.attempts ?? 1 });
    }
    const rows = await runLogStatement(db, pgJson(starts.map(snake)), pgJson(finishes.map(snake)));
    let next = 0;
    return ops.map((op) => {
      if (!("start" in op)) return null;
      const r = rows[next++];
      return { id: Number(r.id), hit: r.hit_id === null ? null : { id: Number(r.hit_id), parsed: r.hit_parsed } };
    });
  },
  { maxInFlight: 1 },
);

const snake = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));

/**
 * Writes the call's `started` row before the request goes out (group
 * committed with other calls starting and ending now) and returns its id and,
 * when `lookup`, the cached answer; a process killed mid-call leaves this row
 * for the sweeper (sweepAbandonedCalls).
 */
export async function startCall(
  db: Db | Tx,
  start: CallStart,
  { lookup }: { lookup: boolean },
): Promise<{ id: number; hit: CachedCall | null }> {
  return (await writeLog(db, { start, lookup }))!;
}

/** Completes a started row with the outcome; resolves once that is committed. */
export async function finishCall(db: Db | Tx, id: number, end: CallEnd): Promise<void> {
  await writeLog(db, { finish: { id, end } });
}

/** The cache lookup alone (the async log, whose rows are written later); lookups made together share one query. */
export const findCachedCall = groupCommit(async (db, hashes: string[]): Promise<(CachedCall | null)[]> => {
  const rows = await db
    .selectDistinctOn([inferenceCalls.requestHash], {
      hash: inferenceCalls.requestHash,
      id: inferenceCalls.id,
      parsed: inferenceCalls.parsed,
    })
    .from(inferenceCalls)
    .where(and(inArray(inferenceCalls.requestHash, [...new Set(hashes)]), eq(inferenceCalls.status, "ok")))
    .orderBy(inferenceCalls.requestHash, desc(inferenceCalls.id));
  const byHash = new Map(rows.map((r) => [r.hash, { id: r.id, parsed: r.parsed as unknown }]));
  return hashes.map((h) => byHash.get(h) ?? null);
});
