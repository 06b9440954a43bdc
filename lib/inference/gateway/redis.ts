import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { queuePrefix, redisUrl } from "@/lib/config/env";
import { endpointBase } from "../endpoint-base";

let client: Redis | null = null;

/**
 * The gateway's Redis connection. Commands issued while it connects are
 * queued (the first call of a process must not fail), but each fails after
 * one retry when Redis is down, so a call ends as `unavailable` quickly.
 */
export function inferenceRedis(): Redis {
  client ??= new Redis(redisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 });
  return client;
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
