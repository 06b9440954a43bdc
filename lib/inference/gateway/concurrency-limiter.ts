import "server-only";
import { randomUUID } from "node:crypto";
import { endpointKey, gatewayKey, inferenceRedis, redisScript } from "./redis";

// A counting semaphore per endpoint in Redis, shared by every worker process:
// a sorted set of leases scored by their expiry (Redis server time). Expired
// leases are swept on every acquire, so a process that crashes mid-call frees
// its slot when the lease runs out instead of leaking it forever. The same
// script reads the endpoint's circuit breaker, so admitting a call costs one
// round trip: -1 = breaker open, 0 = no free slot, 1 = slot taken.
const ACQUIRE = `
local failures = tonumber(redis.call('HGET', KEYS[2], 'failures') or '0')
if redis.call('HGET', KEYS[2], 'state') == 'open' then return {-1, failures} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
  return {1, failures}
end
return {0, failures}`;
const acquire = redisScript(ACQUIRE, 2);

/** Raised when no slot frees up before the deadline. */
export class SlotWaitTimeout extends Error {}

/** Outcome of asking to call an endpoint. */
export type Admission = { kind: "open"; failures: number } | { kind: "slot"; failures: number; release: () => Promise<void> };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const slotsKey = (endpoint: string) => gatewayKey("slots", endpointKey(endpoint));

/**
 * Waits for one of `limit` slots on `endpoint`, unless its circuit breaker is
 * open. The lease expires after `leaseMs` (set it above the call timeout).
 * `failures` is the breaker's consecutive-failure count when admitted.
 */
export async function acquireSlot({
  endpoint,
  limit,
  leaseMs,
  waitMs,
}: {
  endpoint: string;
  limit: number;
  leaseMs: number;
  waitMs: number;
}): Promise<Admission> {
  const redis = inferenceRedis();
  const key = slotsKey(endpoint);
  const lease = randomUUID();
  const deadline = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const [got, failures] = (await acquire(redis, [key, gatewayKey("breaker", endpointKey(endpoint))], [limit, leaseMs, lease])) as [
      number,
      number,
    ];
    if (got === -1) return { kind: "open", failures };
    if (got === 1) return { kind: "slot", failures, release: async () => void (await redis.zrem(key, lease).catch(() => 0)) };
    if (Date.now() >= deadline) throw new SlotWaitTimeout(`no free slot on the endpoint within ${waitMs} ms (limit ${limit})`);
    await sleep(Math.min(50, 2 + attempt * 3) + Math.random() * 5);
  }
}

/** Leases currently held on an endpoint (for health pages and tests). */
export async function slotsInUse(endpoint: string): Promise<number> {
  const redis = inferenceRedis();
  const [s, us] = await redis.time();
  return redis.zcount(slotsKey(endpoint), Number(s) * 1000 + Math.floor(Number(us) / 1000), "+inf");
}
