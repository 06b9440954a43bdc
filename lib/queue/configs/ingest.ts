import { RENEWED_LOCK_MS, type QueueConfig } from "../queue-config";

/**
 * `ingest`: decode uploaded originals, write preview + thumbnail, mark the
 * image ready. CPU-bound (sharp uses its own thread pool), so concurrency is
 * kept at the core count; a stuck decode is retried after the lock expires.
 */
export const ingestQueueConfig: QueueConfig = {
  // sharp releases the event loop while decoding; 2 matches a 2-core box.
  concurrency: Number(process.env.INGEST_CONCURRENCY ?? 2),
  lockDuration: Number(process.env.INGEST_LOCK_DURATION_MS ?? RENEWED_LOCK_MS),
  defaultJobOptions: {
    // Transient failures (disk, Redis hiccup) retry; bad images fail unretryably.
    attempts: 5,
    backoff: { type: "exponential", delay: 2_000 },
    // Keep recent history for the dashboard; Postgres is the real record.
    removeOnComplete: { count: 1_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  },
};
