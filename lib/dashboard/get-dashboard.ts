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
  queues: QueueHealth[] | null;
  queueError: string | null;
};

/** Everything the dashboard shows; Redis being down degrades to a message, not an error page. */
export async function getDashboard({ ctx }: { ctx: Ctx }): Promise<Dashboard> {
  requireActor(ctx.actor);
  const [counts, corpus] = await Promise.all([getImageCounts({ ctx }), getCorpusCounts({ ctx })]);
  try {
    return { counts, corpus, queues: await getQueueHealth(), queueError: null };
  } catch (e) {
    return { counts, corpus, queues: null, queueError: `Queue status unavailable: ${(e as Error).message}` };
  }
}
