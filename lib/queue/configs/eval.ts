import { RENEWED_LOCK_MS, type QueueConfig } from "../queue-config";

/**
 * `eval`: one job per (eval run, benchmark item): policy call → parse →
 * render → metrics → judge. CPU-bound (render + SSIM at full size), so
 * concurrency matches the cores. A job whose item already has a row is a
 * no-op, so retries and the sweeper's re-enqueues never rescore an item.
 */
export const evalQueueConfig: QueueConfig = {
  concurrency: Number(process.env.EVAL_CONCURRENCY ?? 2),
  // Renewed while an item waits on a remote policy and judge.
  lockDuration: Number(process.env.EVAL_LOCK_DURATION_MS ?? RENEWED_LOCK_MS),
  defaultJobOptions: {
    // Endpoints fail transiently; a bad output is recorded as a format failure, not retried.
    attempts: 4,
    backoff: { type: "exponential", delay: 5_000 },
    removeOnComplete: { count: 5_000, age: 24 * 3600 },
    removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
  },
};
