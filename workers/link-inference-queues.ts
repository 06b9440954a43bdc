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
