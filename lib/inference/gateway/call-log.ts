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

type StartOp = { start: CallStart; lookup: boolean };
type Started = { id: number; hit: CachedCall | null };
type FinishOp = { id: number; start: CallStart; end: CallEnd };

const START_COLUMNS = `request_hash text, role text, model_id uuid, model_name text, backend text, prompt_id text,
      prompt_version text, temperature real, inputs jsonb, deadline_at timestamptz`;

/**
 * Inserts `started` rows (ids drawn in arrival order) and, for starts that ask, looks up the cached
 * answer — one round trip. Rows travel as one JSON parameter, so the text never changes and is
 * prepared once per connection. The lookup reads the snapshot before this statement's writes.
 */
const startStatement = (starts: string) => sql`
  with s as (
    select nextval(pg_get_serial_sequence('inference_calls', 'id')) as id, x.*
    from rows from (jsonb_to_recordset(${starts}::text::jsonb) as (${sql.raw(START_COLUMNS)}, lookup boolean)) with ordinality
      as x(request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs, deadline_at, lookup, ord)
  ), started as (
    insert into inference_calls (id, request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs, deadline_at, status, attempts, latency_ms)
    select id, request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs, deadline_at, 'started', 0, 0 from s
  )
  select s.ord, s.id, hit.id as hit_id, hit.parsed as hit_parsed
  from s left join lateral (
    select c.id, c.parsed from inference_calls c
    where s.lookup and c.request_hash = s.request_hash and c.status = 'ok' order by c.id desc limit 1
  ) hit on true
  order by s.ord`;

/**
 * Completes rows with their outcome. An upsert carrying the start's columns too: a `started` row
 * committed without waiting for the disk (see writeStarts) is gone if PostgreSQL itself crashed
 * during the call, and the finished row is then written whole.
 */
const finishStatement = (finishes: string) => sql`
  insert into inference_calls (id, request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs,
    status, attempts, latency_ms, prompt_tokens, completion_tokens, raw_output, reasoning, parsed, error, finished_at, deadline_at)
  select id, request_hash, role, model_id, model_name, backend, prompt_id, prompt_version, temperature, inputs,
    status, attempts, latency_ms, prompt_tokens, completion_tokens, raw_output, reasoning, parsed, error, now(), null
  from jsonb_to_recordset(${finishes}::text::jsonb) as v(id bigint, ${sql.raw(START_COLUMNS)}, status text, attempts int, latency_ms int,
    prompt_tokens int, completion_tokens int, raw_output text, reasoning text, parsed jsonb, error text)
  on conflict (id) do update set status = excluded.status, attempts = excluded.attempts, latency_ms = excluded.latency_ms,
    prompt_tokens = excluded.prompt_tokens, completion_tokens = excluded.completion_tokens, raw_output = excluded.raw_output,
    reasoning = excluded.reasoning, parsed = excluded.parsed, error = excluded.error, finished_at = excluded.finished_at, deadline_at = null`;

const dialect = new PgDialect();
const START_TEXT = dialect.sqlToQuery(startStatement("")).sql;
const FINISH_TEXT = dialect.sqlToQuery(finishStatement("")).sql;

/** JSON for Postgres: jsonb refuses \u0000, so a NUL a model sends becomes U+FFFD instead of failing the whole batch. */
const pgJson = (rows: unknown[]) => {
  const json = JSON.stringify(rows);
  return json.includes("\\u0000") ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\uFFFD") : json;
};

type StartRow = { ord: string | number; id: string | number; hit_id: string | number | null; hit_parsed: unknown };

// One flush of finishes at a time: Postgres writes the WAL of concurrent synchronous commits one
// flush after another, so two statements in flight each wait about twice as long (here: 1.9 ms for
// a lone commit, 4 ms each for two at once) while one statement carries both batches for the price
// of one (bench:inference --sync-log, measured when flushes were queued as microtasks: 0.943-0.947 in
// two runs with two finishes in flight, 0.948-0.964 in four with one; with setImmediate flushes and
// one, 0.954-0.970 in five). Starts wait for no flush, so two may be in flight (0.945-0.956 in three
// runs, 0.940-0.943 with one).

/**
 * Starts go out without waiting for the disk (synchronous_commit off, on the process-wide
 * handle): the row is committed and visible at once, so a client killed mid-call leaves it for
 * the sweeper, and it reaches the disk with the WAL flush of the call's own finish at the latest,
 * before the call returns. A transaction or another database writes through the handle it was
 * given, with its own commit.
 */
const writeStarts = groupCommit(
  async (db, ops: StartOp[]): Promise<Started[]> => {
    const starts = pgJson(ops.map((op) => snake({ ...op.start, lookup: op.lookup })));
    const rows =
      db === getDb()
        ? await getCommitSql({ durable: false }).unsafe<StartRow[]>(START_TEXT, [starts], { prepare: true })
        : Array.from(await db.execute<StartRow>(startStatement(starts)));
    return rows.map((r) => ({ id: Number(r.id), hit: r.hit_id === null ? null : { id: Number(r.hit_id), parsed: r.hit_parsed } }));
  },
  { maxInFlight: 2 },
);

/** Finishes are durable when they resolve (a synchronous commit, which flushes the WAL of their starts too). */
const writeFinishes = groupCommit(
  async (db, ops: FinishOp[]): Promise<null[]> => {
    const finishes = pgJson(ops.map(({ id, start, end }) => snake({ id, ...start, ...end, attempts: end.attempts ?? 1 })));
    if (db === getDb()) await getCommitSql().unsafe(FINISH_TEXT, [finishes], { prepare: true });
    else await db.execute(finishStatement(finishes));
    return ops.map(() => null);
  },
  { maxInFlight: 1 },
);

const snakeKeys = new Map<string, string>();
const snakeKey = (k: string) => {
  let key = snakeKeys.get(k);
  if (key === undefined) snakeKeys.set(k, (key = k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return key;
};
/** The row with snake_case keys, as jsonb_to_recordset reads them (a few field names: each converted once). */
const snake = (o: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const k in o) out[snakeKey(k)] = o[k];
  return out;
};

/**
 * Writes the call's `started` row before the request goes out (group committed with other calls
 * starting now) and returns its id and, when `lookup`, the cached answer; a process killed
 * mid-call leaves this row for the sweeper (sweepAbandonedCalls).
 */
export async function startCall(db: Db | Tx, start: CallStart, { lookup }: { lookup: boolean }): Promise<Started> {
  return writeStarts(db, { start, lookup });
}

/** Completes a started row with the outcome (`start`: what it was started with); resolves once that is durable. */
export async function finishCall(db: Db | Tx, id: number, start: CallStart, end: CallEnd): Promise<void> {
  await writeFinishes(db, { id, start, end });
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
