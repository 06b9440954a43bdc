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

/**
 * Reports a connection's outages as one line each (`[redis:<name>] unavailable: …`, then
 * `[redis:<name>] reconnected`). Without an error listener, ioredis prints "Unhandled error
 * event" and a stack trace for every failed reconnect attempt. Commands fail as before; this
 * only decides what the log says. For connections that BullMQ does not own (it listens to its own).
 */
export function reportOutages<R extends Redis>(redis: R, name: string, log = (line: string) => console.error(line)): R {
  let down = false;
  redis.on("error", (e: Error) => {
    if (down) return;
    down = true;
    log(`[redis:${name}] unavailable: ${e.message}`);
  });
  redis.on("ready", () => {
    if (!down) return;
    down = false;
    log(`[redis:${name}] reconnected`);
  });
  return redis;
}
