import "server-only";
import { probeHealth } from "./health-url";
import { setLinkedQueuesPaused } from "./queue-pause";
import { endpointKey, gatewayKey, inferenceRedis, redisScript } from "./redis";
import { gatewaySettings } from "./settings";

// One breaker per endpoint, in Redis so every worker process sees the same
// state. Closed: calls go through. After `breakerThreshold` consecutive
// connection failures, 5xx or timeouts it opens: calls fail fast as
// `unavailable` and linked queues are paused. While open, a probe of /health
// (at most one per probe interval across all processes) closes it again and
// resumes the queues. A timer in the process that saw it open keeps probing,
// so paused queues come back even when no call arrives.

/** Breaker state of an endpoint. */
export type BreakerState = { state: "closed" | "open"; failures: number };

const FAIL = `
local f = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'endpoint', ARGV[2])
if f >= tonumber(ARGV[1]) and redis.call('HGET', KEYS[1], 'state') ~= 'open' then
  redis.call('HSET', KEYS[1], 'state', 'open')
  redis.call('SADD', KEYS[2], ARGV[2])
  return 1
end
return 0`;
const recordFailure = redisScript(FAIL, 2);

const stateKey = (endpoint: string) => gatewayKey("breaker", endpointKey(endpoint));
const openSetKey = () => gatewayKey("breakers-open");
const probers = new Map<string, NodeJS.Timeout>();

/** Current state of an endpoint's breaker. */
export async function getBreakerState(endpoint: string): Promise<BreakerState> {
  const [state, failures] = await inferenceRedis().hmget(stateKey(endpoint), "state", "failures");
  return { state: state === "open" ? "open" : "closed", failures: Number(failures ?? 0) };
}

/**
 * Whether a call may go to `endpoint` now. When the breaker is open and no
 * process probed within the interval, this process probes and, if the
 * server answers, closes the breaker and lets the call through.
 */
export async function breakerAllows(endpoint: string, apiKey?: string): Promise<{ allowed: boolean; failures: number }> {
  const s = await getBreakerState(endpoint);
  if (s.state === "closed") return { allowed: true, failures: s.failures };
  return { allowed: await probeOnce(endpoint, apiKey), failures: s.failures };
}

/** Records a failure that says the endpoint may be down; opens the breaker at the threshold. */
export async function recordEndpointFailure(endpoint: string, apiKey?: string): Promise<boolean> {
  const opened =
    (await recordFailure(inferenceRedis(), [stateKey(endpoint), openSetKey()], [gatewaySettings().breakerThreshold, endpoint])) === 1;
  if (opened) {
    await setLinkedQueuesPaused(endpoint, true).catch(() => []);
    startProber(endpoint, apiKey);
  }
  return opened;
}

/** Records a successful call (resets the consecutive-failure count). */
export async function recordEndpointSuccess(endpoint: string): Promise<void> {
  await inferenceRedis().hset(stateKey(endpoint), "failures", 0);
}

/**
 * Resumes linked queues, then closes the breaker. In that order: whoever sees
 * the breaker closed also sees its queues running, and when a resume fails
 * (Redis hiccup) the breaker stays open, so the prober or the maintenance
 * sweep tries again instead of leaving the queues paused for good.
 */
export async function closeBreaker(endpoint: string): Promise<void> {
  await setLinkedQueuesPaused(endpoint, false);
  await inferenceRedis().multi().hset(stateKey(endpoint), "state", "closed", "failures", 0).srem(openSetKey(), endpoint).exec();
  stopProber(endpoint);
}

/** Probes every open endpoint once (for a maintenance sweep); returns those that closed. */
export async function probeOpenBreakers(): Promise<string[]> {
  const open = await inferenceRedis().smembers(openSetKey());
  const closed: string[] = [];
  for (const endpoint of open) if (await probeOnce(endpoint)) closed.push(endpoint);
  return closed;
}

/** Stops this process's probe timers (shutdown, tests). */
export function stopBreakerProbers(): void {
  for (const endpoint of [...probers.keys()]) stopProber(endpoint);
}

async function probeOnce(endpoint: string, apiKey?: string): Promise<boolean> {
  const { probeIntervalMs } = gatewaySettings();
  const lock = await inferenceRedis().set(
    gatewayKey("breaker", endpointKey(endpoint), "probe"),
    "1",
    "PX",
    Math.max(1, probeIntervalMs),
    "NX",
  );
  if (lock !== "OK") return false;
  if (!(await probeHealth(endpoint, { apiKey }))) return false;
  return closeBreaker(endpoint).then(
    () => true,
    () => false,
  );
}

function startProber(endpoint: string, apiKey?: string): void {
  if (probers.has(endpoint)) return;
  const timer = setInterval(() => {
    getBreakerState(endpoint)
      .then(async (s) => {
        if (s.state === "closed") stopProber(endpoint);
        else await probeOnce(endpoint, apiKey);
      })
      .catch(() => {});
  }, gatewaySettings().probeIntervalMs);
  timer.unref();
  probers.set(endpoint, timer);
}

function stopProber(endpoint: string): void {
  const t = probers.get(endpoint);
  if (t) clearInterval(t);
  probers.delete(endpoint);
}
