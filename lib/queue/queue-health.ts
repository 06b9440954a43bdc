import "server-only";
import { QUEUES, type QueueName } from "./catalog";
import { getQueue } from "./enqueue";

export type QueueHealth = {
  name: QueueName;
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  workers: number;
};

/** Job counts and live worker count per queue; throws if Redis is down. */
export async function getQueueHealth(): Promise<QueueHealth[]> {
  const names = Object.keys(QUEUES) as QueueName[];
  return Promise.all(
    names.map(async (name) => {
      const queue = getQueue(name);
      const [counts, workers] = await Promise.all([
        queue.getJobCounts("waiting", "active", "completed", "failed", "delayed"),
        queue.getWorkersCount(),
      ]);
      return {
        name,
        counts: {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          completed: counts.completed ?? 0,
          failed: counts.failed ?? 0,
          delayed: counts.delayed ?? 0,
        },
        workers,
      };
    }),
  );
}
