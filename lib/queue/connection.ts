import "server-only";
import { Redis } from "ioredis";
import { queuePrefix, redisUrl } from "@/lib/config/env";

/**
 * A Redis connection for BullMQ. Workers need `maxRetriesPerRequest: null`
 * (blocking commands); producers fail fast instead so a web request never
 * hangs when Redis is down.
 */
export function createRedis({ forWorker }: { forWorker: boolean }) {
  return new Redis(redisUrl(), {
    maxRetriesPerRequest: forWorker ? null : 1,
    enableOfflineQueue: forWorker,
    connectTimeout: 5_000,
    lazyConnect: false,
  });
}

export const bullPrefix = () => queuePrefix();
