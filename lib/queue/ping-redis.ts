import "server-only";
import { Redis } from "ioredis";
import { redisUrl } from "@/lib/config/env";

/** True when Redis answers PING within `timeoutMs`. */
export async function pingRedis(timeoutMs = 2_000): Promise<boolean> {
  const redis = new Redis(redisUrl(), { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    const pong = await Promise.race([redis.ping(), new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
    return pong === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
