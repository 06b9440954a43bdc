import "server-only";
import type { Db, Tx } from "@/db/client";

/**
 * Group commit for one kind of write: items queue per database handle and go
 * out together in one statement. A flush starts as soon as a statement slot is
 * free (at most `maxInFlight` per handle), taking everything that arrived in
 * the meantime, so an idle log adds no wait and a busy one sends a few large
 * statements instead of many small ones. Each caller awaits the flush that
 * carries its item: nothing returns before its write is durable, and nothing
 * is held in memory across a shutdown.
 */
export function groupCommit<I, O>(write: (db: Db | Tx, batch: I[]) => Promise<O[]>, { maxBatch = 500, maxInFlight = 2 } = {}) {
  type Pending = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  type Queue = { pending: Pending[]; inFlight: number; scheduled: boolean };
  const queues = new WeakMap<Db | Tx, Queue>();

  async function flush(db: Db | Tx, queue: Queue) {
    queue.scheduled = false;
    queue.inFlight++;
    while (queue.pending.length > 0) {
      const batch = queue.pending.splice(0, maxBatch);
      try {
        const out = await write(
          db,
          batch.map((p) => p.item),
        );
        batch.forEach((p, i) => p.resolve(out[i]));
      } catch (e) {
        batch.forEach((p) => p.reject(e));
      }
    }
    queue.inFlight--;
  }

  return (db: Db | Tx, item: I): Promise<O> => {
    let queue = queues.get(db);
    if (!queue) queues.set(db, (queue = { pending: [], inFlight: 0, scheduled: false }));
    const q = queue;
    return new Promise<O>((resolve, reject) => {
      q.pending.push({ item, resolve, reject });
      // Callers of the same event-loop iteration share a flush: setImmediate runs right after the
      // I/O callbacks of this iteration (no timer, no added wait), so a wave of responses read
      // together goes out as one statement, not as one alone and the rest behind it.
      if (q.inFlight < maxInFlight && !q.scheduled) {
        q.scheduled = true;
        setImmediate(() => void flush(db, q));
      }
    });
  };
}
