import "server-only";
import { Queue } from "bullmq";
import { bullPrefix, createRedis } from "@/lib/queue/connection";
import { endpointKey, gatewayKey, inferenceRedis } from "./redis";

/**
 * Pauses or resumes a BullMQ queue by name (globally: every worker stops
 * taking jobs from it). Used when an inference endpoint is down, so jobs wait
 * in the queue instead of failing one by one.
 */
export async function setQueuePaused(queueName: string, paused: boolean): Promise<void> {
  const connection = createRedis({ forWorker: false });
  const queue = new Queue(queueName, { connection, prefix: bullPrefix() });
  try {
    if (paused) await queue.pause();
    else await queue.resume();
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/**
 * Links a queue to an endpoint: when the endpoint's circuit breaker opens the
 * queue is paused, and it is resumed when the breaker closes. Workers call
 * this at start-up for the queues whose jobs call that endpoint.
 */
export async function linkQueueToEndpoint({ queue, endpoint }: { queue: string; endpoint: string }): Promise<void> {
  await inferenceRedis().sadd(gatewayKey("breaker", endpointKey(endpoint), "queues"), queue);
}

/** Pauses or resumes every queue linked to `endpoint`. */
export async function setLinkedQueuesPaused(endpoint: string, paused: boolean): Promise<string[]> {
  const names = await inferenceRedis().smembers(gatewayKey("breaker", endpointKey(endpoint), "queues"));
  await Promise.all(names.map((n) => setQueuePaused(n, paused)));
  return names;
}
