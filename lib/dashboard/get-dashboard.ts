import "server-only";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { getCorpusCounts, type CorpusCounts } from "@/lib/corpus";
import { getImageCounts } from "@/lib/images";
import { getQueueHealth, type QueueHealth } from "@/lib/queue";

export type Dashboard = {
  counts: Awaited<ReturnType<typeof getImageCounts>>;
  /** Trajectories by status/category/split, kept incrementally (no table scan). */
  corpus: CorpusCounts;
  /** Job counts per queue, up to QUEUE_HEALTH_TTL_MS old. */
  queues: QueueHealth[] | null;
  queueError: string | null;
};

/**
 * How long one process reuses the queue counts. Reading them costs two Redis calls per queue
 * (one a CLIENT LIST) and every open dashboard polls; two seconds of staleness is invisible there.
 */
export const QUEUE_HEALTH_TTL_MS = 2_000;
let queueHealth: { at: number; value: Promise<QueueHealth[]> } | null = null;

/** The queue counts, shared by the requests of one QUEUE_HEALTH_TTL_MS window (a failure is not kept). */
function recentQueueHealth(): Promise<QueueHealth[]> {
  if (queueHealth && Date.now() - queueHealth.at < QUEUE_HEALTH_TTL_MS) return queueHealth.value;
  const entry = { at: Date.now(), value: getQueueHealth() };
  queueHealth = entry;
  entry.value.catch(() => {
    if (queueHealth === entry) queueHealth = null;
  });
  return entry.value;
}

/** Everything the dashboard shows; Redis being down degrades to a message, not an error page. */
export async function getDashboard({ ctx }: { ctx: Ctx }): Promise<Dashboard> {
  requireActor(ctx.actor);
  const [counts, corpus] = await Promise.all([getImageCounts({ ctx }), getCorpusCounts({ ctx })]);
  try {
    return { counts, corpus, queues: await recentQueueHealth(), queueError: null };
  } catch (e) {
    return { counts, corpus, queues: null, queueError: `Queue status unavailable: ${(e as Error).message}` };
  }
}
