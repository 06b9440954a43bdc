import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startPrivateRedis } from "@/scripts/harness/services";
import { closeInferenceRedis, inferenceRedis } from "./redis";

// A Redis of this file's own (no persistence), so stopping it disturbs no other test.
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
beforeAll(async () => {
  redis = await startPrivateRedis();
  process.env.REDIS_URL = redis.url; // before this file makes the gateway's connection
});
afterAll(async () => {
  await closeInferenceRedis();
  redis?.stop();
});

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the gateway's Redis connection while Redis is away", () => {
  it("logs one line when Redis goes away and one when it is back, not a stack trace per reconnect attempt", async () => {
    const conn = inferenceRedis();
    expect(await conn.ping()).toBe("PONG");
    const lines: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    try {
      // Down for 1.5 s: several reconnect attempts fail meanwhile (ioredis retries after 50, 100, 150 … ms).
      await redis.restartLosingMemory(1_500);
      await expect(conn.ping()).resolves.toBe("PONG");
      await settle(100);
    } finally {
      spy.mockRestore();
    }
    expect(lines.filter((l) => l.includes("Unhandled error event"))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("[redis:inference] unavailable: "))).toHaveLength(1);
    expect(lines.filter((l) => l === "[redis:inference] reconnected")).toHaveLength(1);
  });
});
