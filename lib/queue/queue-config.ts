import type { JobsOptions } from "bullmq";

/** How one queue's workers run; one commented config per queue in ./configs. */
export type QueueConfig = {
  concurrency: number;
  /** ms a worker holds a job before it is considered stalled and re-queued. */
  lockDuration: number;
  defaultJobOptions: JobsOptions;
};
