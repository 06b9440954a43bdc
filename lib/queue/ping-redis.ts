import "server-only";
import { createRedis } from "./connection";

/** True when Redis answers PING within `timeoutMs`. */
export async function pingRedis(timeoutMs = 2_000): Promise<boolean> {
  const redis = createRedis({ forWorker: false });
  redis.on("error", () => {});
  try {
    const pong = await Promise.race([redis.ping(), new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
    return pong === "PONG";
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
