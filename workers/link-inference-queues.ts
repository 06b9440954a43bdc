import { getDb } from "@/db/client";
import { getActiveModel, linkQueueToEndpoint } from "@/lib/inference";
import type { QueueName } from "@/lib/queue";

/** Which queue's jobs call which model role. */
const ROLE_QUEUES = [{ role: "annotator", queue: "corpus" }] as const satisfies readonly { role: string; queue: QueueName }[];

/**
 * Links each inference queue to its model's endpoint, so that when the
 * endpoint's circuit breaker opens the queue is paused (and resumed when it
 * closes) instead of burning retries. Heuristic models have no endpoint.
 */
export async function linkInferenceQueues(queues: string[]) {
  for (const { role, queue } of ROLE_QUEUES) {
    if (!queues.includes(queue)) continue;
    const model = await getActiveModel({ db: getDb(), role });
    if (model.endpoint) await linkQueueToEndpoint({ queue, endpoint: model.endpoint });
  }
}

/**
 * linkInferenceQueues that does not take the process down while the database
 * is away (a worker restarted during a PostgreSQL restart exited here): it
 * tries again every `retryMs` until the link is made, and the queues run
 * meanwhile (a job that calls a model then fails and retries as usual).
 */
export function linkInferenceQueuesWhenReady(queues: string[], retryMs = 5_000) {
  let reported = false;
  const attempt = () =>
    linkInferenceQueues(queues).catch((e: Error) => {
      if (!reported)
        console.error(`[workers] cannot link inference queues to their endpoints yet (${e.message}); retrying every ${retryMs / 1000} s`);
      reported = true;
      setTimeout(attempt, retryMs).unref();
    });
  return attempt();
}
