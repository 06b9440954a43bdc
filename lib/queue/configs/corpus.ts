import { RENEWED_LOCK_MS, type QueueConfig } from "../queue-config";

/**
 * `corpus`: corpus imports and the annotation pipeline (render previews →
 * annotate → filter → review queue). An import job runs a whole batch and
 * resumes from its row records, so it gets a long lock; annotation jobs are
 * short and CPU-bound (preview decode + render), so concurrency matches the
 * cores. Postgres holds the state: a lost job is re-queued by the sweeper.
 */
export const corpusQueueConfig: QueueConfig = {
  concurrency: Number(process.env.CORPUS_CONCURRENCY ?? 2),
  // Renewed while the job runs, however many rows an import has.
  lockDuration: Number(process.env.CORPUS_LOCK_DURATION_MS ?? RENEWED_LOCK_MS),
  defaultJobOptions: {
    // Model calls can fail transiently; bad data fails unretryably in the processor.
    attempts: 4,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { count: 2_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  },
};
