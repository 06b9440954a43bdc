import type { QueueConfig } from "../queue-config";

/**
 * `maintenance`: the sweeper. One job at a time; it only reads Postgres and
 * enqueues, so a short lock and no retries (the next tick runs anyway).
 */
export const maintenanceQueueConfig: QueueConfig = {
  concurrency: 1,
  lockDuration: 30_000,
  defaultJobOptions: {
    attempts: 1,
    removeOnComplete: { count: 50 },
    removeOnFail: { count: 200 },
  },
};
