import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateRedis } from "@/scripts/harness/services";
import { enqueue, getQueue } from "./enqueue";

// A Redis of this file's own (no persistence), so restarting it disturbs no other test.
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
beforeAll(async () => {
  redis = await startPrivateRedis();
  process.env.REDIS_URL = redis.url; // before this file makes its first queue
});
afterAll(() => redis?.stop());

describe("enqueue right after Redis restarted with its memory lost", () => {
  it("waits for its connection to come back and queues the job, rather than leaving the work to the sweeper", async () => {
    const sha256 = () => randomUUID().replace(/-/g, "").repeat(2);
    await enqueue("ingest-image", { sha256: sha256() }); // connected, as a running web app is
    // Down for 2 s: the connection's reconnect attempts back off (50 ms more each), so when the new
    // Redis answers, the connection is still waiting for its next attempt.
    await redis.restartLosingMemory(2_000);

    const job = await enqueue("ingest-image", { sha256: sha256() });
    expect(await getQueue("ingest").getJobState(job.id!)).toBe("waiting");
  });

  it("still answers UNAVAILABLE, after that short wait, when Redis stays down", async () => {
    redis.stop();
    await expect(enqueue("ingest-image", { sha256: "c".repeat(64) })).rejects.toMatchObject({ code: "UNAVAILABLE" });
  });
});
