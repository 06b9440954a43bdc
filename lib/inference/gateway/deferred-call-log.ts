import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inferenceCalls } from "@/db/schema";
import type { CallRecord } from "./call-log";

// Deferred call log (INFERENCE_CALL_LOG=async): a call gets its row id at once
// from a block of ids reserved from the table's sequence, and its row is
// written in the background in multi-row batches, so a busy database is off
// the call's critical path. Rows wait in memory for at most FLUSH_MS;
// `flushCallLog()` writes everything pending and must run on shutdown
// (workers' SIGTERM handler). A failed batch is retried, never dropped.

const ID_BLOCK = 128;
const FLUSH_MS = 20;
const MAX_BATCH = 500;

type State = {
  ids: number[];
  reserving?: Promise<void>;
  pending: (CallRecord & { id: number })[];
  timer?: NodeJS.Timeout;
  writing?: Promise<void>;
};
const states = new WeakMap<Db, State>();
const all = new Set<{ db: Db; state: State }>();

function stateOf(db: Db): State {
  let s = states.get(db);
  if (!s) {
    s = { ids: [], pending: [] };
    states.set(db, s);
    all.add({ db, state: s });
  }
  return s;
}

async function nextId(db: Db, s: State): Promise<number> {
  while (s.ids.length === 0) {
    s.reserving ??= db
      .execute<{ id: string }>(
        sql`select nextval(pg_get_serial_sequence('inference_calls', 'id')) as id from generate_series(1, ${ID_BLOCK})`,
      )
      .then((rows) => void s.ids.push(...Array.from(rows, (r) => Number(r.id))))
      .finally(() => (s.reserving = undefined));
    await s.reserving;
  }
  return s.ids.shift()!;
}

/** Assigns the call its id now and queues its row; the row is written within FLUSH_MS. */
export async function deferCall(db: Db, record: CallRecord): Promise<number> {
  const s = stateOf(db);
  const id = await nextId(db, s);
  s.pending.push({ ...record, id });
  if (s.pending.length >= MAX_BATCH) void write(db, s);
  else s.timer ??= setTimeout(() => void write(db, s), FLUSH_MS);
  return id;
}

async function write(db: Db, s: State): Promise<void> {
  if (s.timer) clearTimeout(s.timer);
  s.timer = undefined;
  while (s.writing) await s.writing;
  const batch = s.pending.splice(0, MAX_BATCH);
  if (batch.length === 0) return;
  s.writing = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        await db.insert(inferenceCalls).values(batch);
        return;
      } catch (e) {
        if (attempt === 0) console.error(`[inference] call log write of ${batch.length} rows failed, retrying:`, (e as Error).message);
        await new Promise((r) => setTimeout(r, Math.min(5_000, 100 * 2 ** attempt)));
      }
    }
  })().finally(() => (s.writing = undefined));
  await s.writing;
  if (s.pending.length > 0) s.timer ??= setTimeout(() => void write(db, s), FLUSH_MS);
}

/** Writes every deferred row (call on shutdown and before reading the log back). */
export async function flushCallLog(): Promise<void> {
  for (const { db, state } of all) {
    while (state.pending.length > 0 || state.writing) await write(db, state);
  }
}
