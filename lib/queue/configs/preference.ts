import { RENEWED_LOCK_MS, type QueueConfig } from "../queue-config";

/**
 * `preference`: weak edits and model labels (perturb → render → weak-check →
 * pair; policy rollouts; swapped double judging). Jobs render a handful of
 * previews and call model roles, so concurrency matches the cores. Every
 * write is keyed, so a retry or a sweeper re-enqueue never writes twice.
 */
export const preferenceQueueConfig: QueueConfig = {
  concurrency: Number(process.env.PREFERENCE_CONCURRENCY ?? 2),
  lockDuration: Number(process.env.PREFERENCE_LOCK_DURATION_MS ?? RENEWED_LOCK_MS),
  defaultJobOptions: {
    attempts: 4,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { count: 2_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  },
};
