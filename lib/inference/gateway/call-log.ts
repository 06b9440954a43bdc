import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { inferenceCalls, type CallStatus } from "@/db/schema";

/** One finished call, as written to `inference_calls`. */
export type CallRecord = typeof inferenceCalls.$inferInsert & { status: CallStatus };

// Group commit: while inserts are in flight on a database handle (at most
// MAX_IN_FLIGHT), rows from other calls queue up and go in the next multi-row insert. Every caller
// awaits its own row id, so a call never returns before its row is written
// and nothing is held in memory across a shutdown. Under load this turns
// hundreds of single-row inserts per second into a few dozen batches.
type Pending = { record: CallRecord; resolve: (id: number) => void; reject: (e: unknown) => void };
type Queue = { pending: Pending[]; inFlight: number };
const queues = new WeakMap<Db | Tx, Queue>();
const MAX_BATCH = 200;
const MAX_IN_FLIGHT = 3;

/** Writes the call's row and returns its id. */
export function recordCall(db: Db | Tx, record: CallRecord): Promise<number> {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = { pending: [], inFlight: 0 }));
  const queue = q;
  return new Promise<number>((resolve, reject) => {
    queue.pending.push({ record, resolve, reject });
    if (queue.inFlight < MAX_IN_FLIGHT) void flush(db, queue);
  });
}

async function flush(db: Db | Tx, queue: Queue) {
  queue.inFlight++;
  while (queue.pending.length > 0) {
    const batch = queue.pending.splice(0, MAX_BATCH);
    try {
      const rows = await db
        .insert(inferenceCalls)
        .values(batch.map((p) => p.record))
        .returning({ id: inferenceCalls.id });
      // Ids come from one sequence in VALUES order; sort so the mapping never depends on RETURNING order.
      const ids = rows.map((r) => r.id).sort((a, b) => a - b);
      batch.forEach((p, i) => p.resolve(ids[i]));
    } catch (e) {
      batch.forEach((p) => p.reject(e));
    }
  }
  queue.inFlight--;
}

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
