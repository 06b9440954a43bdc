import "server-only";
import type { Db, Tx } from "@/db/client";

/**
 * Group commit for one kind of write: while up to `maxInFlight` statements
 * are running on a database handle, new items queue up and go in the next
 * statement together. Each caller awaits the flush that carries its item, so
 * nothing returns before its write is durable and nothing is held in memory
 * across a shutdown; under load hundreds of single-row writes per second
 * become a few dozen statements.
 */
export function groupCommit<I, O>(write: (db: Db | Tx, batch: I[]) => Promise<O[]>, { maxBatch = 200, maxInFlight = 3 } = {}) {
  type Pending = { item: I; resolve: (o: O) => void; reject: (e: unknown) => void };
  type Queue = { pending: Pending[]; inFlight: number };
  const queues = new WeakMap<Db | Tx, Queue>();

  async function flush(db: Db | Tx, queue: Queue) {
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
    if (!queue) queues.set(db, (queue = { pending: [], inFlight: 0 }));
    const q = queue;
    return new Promise<O>((resolve, reject) => {
      q.pending.push({ item, resolve, reject });
      if (q.inFlight < maxInFlight) void flush(db, q);
    });
  };
}
