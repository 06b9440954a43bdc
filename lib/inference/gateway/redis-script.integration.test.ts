import { afterAll, describe, expect, it } from "vitest";
import { closeInferenceRedis, gatewayKey, inferenceRedis, redisScript } from "./redis";

describe("redisScript", () => {
  const key = gatewayKey("script-test", String(process.pid), String(Date.now()));
  const incrementBy = redisScript(`return redis.call('INCRBY', KEYS[1], ARGV[1])`, 1);
  afterAll(async () => {
    await inferenceRedis().del(key);
    await closeInferenceRedis();
  });

  it("runs by SHA1 and sends the body again when Redis has forgotten it (a restart, SCRIPT FLUSH)", async () => {
    const redis = inferenceRedis();
    expect(await incrementBy(redis, [key], [2])).toBe(2);
    expect(await incrementBy(redis, [key], [3])).toBe(5);
    await redis.script("FLUSH");
    expect(await incrementBy(redis, [key], [4])).toBe(9);
    // Known to Redis again: the body is not needed.
    const sha = (await redis.script("LOAD", `return redis.call('INCRBY', KEYS[1], ARGV[1])`)) as string;
    expect(await redis.evalsha(sha, 1, key, 1)).toBe(10);
  });

  it("commands issued in one turn share a connection write and each gets its own answer", async () => {
    const redis = inferenceRedis();
    const answers = await Promise.all(Array.from({ length: 50 }, () => incrementBy(redis, [key], [1])));
    expect(new Set(answers).size).toBe(50);
    expect(Math.max(...(answers as number[]))).toBe(60);
  });

  it("refuses a call with the wrong number of keys instead of shifting arguments into keys", async () => {
    await expect(incrementBy(inferenceRedis(), [key, "other"], [1])).rejects.toThrow(/takes 1 keys/);
  });

  it("passes on errors other than a missing script", async () => {
    const broken = redisScript(`return redis.call('NO_SUCH_COMMAND')`, 0);
    await expect(broken(inferenceRedis(), [], [])).rejects.toThrow(/Unknown Redis command|unknown command/i);
  });
});
