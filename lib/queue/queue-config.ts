import type { JobsOptions } from "bullmq";

/** How one queue's workers run; one commented config per queue in ./configs. */
export type QueueConfig = {
  concurrency: number;
  /** ms a job's lock lives without renewal; see RENEWED_LOCK_MS. */
  lockDuration: number;
  defaultJobOptions: JobsOptions;
};

/**
 * The lock of a job in progress. BullMQ renews it every lockDuration / 2 for
 * as long as the worker process lives, however long the job runs, so a lock
 * only has to outlast the longest stretch that blocks the event loop (a
 * full-size render: seconds). It is also how long a job held by a worker that
 * died (SIGKILL, out of memory) stays `active` before another worker takes it
 * over, and the sweeper leaves active jobs alone: a 5-minute lock kept a
 * killed worker's import `running` for 5 minutes.
 */
export const RENEWED_LOCK_MS = 60_000;
