import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { queuePrefix, redisUrl } from "@/lib/config/env";
import { reportOutages } from "@/lib/queue/connection";
import { endpointBase } from "../endpoint-base";

let client: Redis | null = null;

/**
 * The gateway's Redis connection. Commands issued while it connects are
 * queued (the first call of a process must not fail), but each fails after
 * one retry when Redis is down, so a call ends as `unavailable` quickly.
 * Commands issued in the same event-loop turn (many calls admitted or ending
 * together) go out in one write: each socket write costs more CPU here than
 * the command itself.
 */
export function inferenceRedis(): Redis {
  client ??= reportOutages(
    new Redis(redisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000, enableAutoPipelining: true }),
    "inference",
  );
  return client;
}

/**
 * A Lua script run by its SHA1 (EVALSHA: the body is sent, and hashed by
 * Redis, only when Redis does not have it yet, e.g. after a restart).
 */
export function redisScript(lua: string, numberOfKeys: number) {
  const sha = createHash("sha1").update(lua).digest("hex");
  return async (redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> => {
    if (keys.length !== numberOfKeys) throw new Error(`script takes ${numberOfKeys} keys, got ${keys.length}`);
    try {
      return await redis.evalsha(sha, numberOfKeys, ...keys, ...args);
    } catch (e) {
      if (!(e instanceof Error) || !e.message.startsWith("NOSCRIPT")) throw e;
      return redis.eval(lua, numberOfKeys, ...keys, ...args);
    }
  };
}

/** Closes the connection (graceful shutdown, tests). */
export async function closeInferenceRedis(): Promise<void> {
  const c = client;
  client = null;
  if (c) await c.quit().catch(() => c.disconnect());
}

/** Short, stable id of an endpoint URL for Redis keys (no URL characters in keys). */
export const endpointKey = (endpoint: string) => createHash("sha256").update(endpointBase(endpoint)).digest("hex").slice(0, 16);

/** A gateway key under the deployment's queue prefix, so tests and the demo never share state. */
export const gatewayKey = (...parts: string[]) => `${queuePrefix()}:inference:${parts.join(":")}`;
