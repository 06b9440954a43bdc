import { RENEWED_LOCK_MS, type QueueConfig } from "../queue-config";

/**
 * `training`: training runs and round state machines. Each job does one step
 * (submit, poll, register, or one round step) and re-enqueues itself with a
 * delay while there is more to do, so no job holds a lock for a whole GPU
 * run. Steps that fail transiently (Ray unreachable) retry with backoff; the
 * state is in Postgres, so a lost job is re-queued by the sweeper.
 */
export const trainingQueueConfig: QueueConfig = {
  concurrency: Number(process.env.TRAINING_CONCURRENCY ?? 2),
  // Renewed while a round step exports thousands of rows or labels pairs.
  lockDuration: RENEWED_LOCK_MS,
  defaultJobOptions: {
    attempts: 5,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { count: 1_000, age: 24 * 3600 },
    removeOnFail: { count: 2_000, age: 7 * 24 * 3600 },
  },
};
