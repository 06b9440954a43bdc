import "server-only";
import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import { queuePrefix, redisUrl } from "@/lib/config/env";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { reportOutages } from "@/lib/queue/connection";

/**
 * Sign-in limits, kept in Redis so every web process counts together:
 * - per caller address (`AUTH_SIGNIN_RATE_LIMIT` attempts per 10 s; default 5
 *   in production, off elsewhere), keyed on the address the request hook
 *   stamps from the socket or the trusted proxies (TRUST_PROXY), never on a
 *   header the client chose;
 * - per account (`AUTH_ACCOUNT_SIGNIN_LIMIT` failed attempts per
 *   `AUTH_ACCOUNT_SIGNIN_WINDOW_S`), so an attacker rotating addresses still
 *   gets that many guesses. A success clears the account's count.
 * Each attempt is counted before it runs (one atomic INCR + PEXPIRE), so
 * concurrent guesses from many processes cannot overshoot the limit. If
 * Redis does not answer within a second the attempt is let through (logged):
 * a Redis outage must not lock every user out.
 */
export type SignInLimits = { ipMax: number; ipWindowMs: number; accountMax: number; accountWindowMs: number };

export const signInLimitsFromEnv = (): SignInLimits => ({
  ipMax: Number(process.env.AUTH_SIGNIN_RATE_LIMIT ?? (process.env.NODE_ENV === "production" ? 5 : 0)),
  ipWindowMs: 10_000,
  accountMax: Number(process.env.AUTH_ACCOUNT_SIGNIN_LIMIT ?? 10),
  accountWindowMs: Number(process.env.AUTH_ACCOUNT_SIGNIN_WINDOW_S ?? 15 * 60) * 1000,
});

// Counts one attempt in a fixed window that starts with the first one; returns [count, ms left].
const HIT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

let client: Redis | null = null;
const redis = () =>
  (client ??= reportOutages(
    new Redis(redisUrl(), { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 2_000, commandTimeout: 1_000 }),
    "sign-in-limit",
  ));

/** Closes the limiter's Redis connection (tests, graceful shutdown). */
export async function closeSignInLimiter() {
  const c = client;
  client = null;
  if (c) await c.quit().catch(() => c.disconnect());
}

/** The Redis key that counts sign-ins of one address or account (exported for tests). */
export const signInLimitKey = (kind: "ip" | "account", id: string) =>
  `${queuePrefix()}:signin:${kind}:${createHash("sha256").update(id).digest("hex").slice(0, 32)}`;
const accountId = (email: string) => email.trim().toLowerCase().slice(0, 320);

async function hit(k: string, windowMs: number): Promise<{ count: number; msLeft: number }> {
  const [count, msLeft] = (await redis().eval(HIT, 1, k, windowMs)) as [number, number];
  return { count, msLeft };
}

const tooMany = (message: string, msLeft: number) => {
  const wait = Math.max(1, Math.ceil(msLeft / 1000));
  return Response.json(
    { code: "TOO_MANY_ATTEMPTS", message: `${message}; try again in ${wait < 120 ? `${wait} s` : `${Math.ceil(wait / 60)} min`}` },
    { status: 429, headers: { "retry-after": String(wait) } },
  );
};

/**
 * Wraps better-auth's POST handler for /sign-in/email: refuses with 429 and a
 * message while the caller's address or the account is over its limit, and
 * settles the account's count with the outcome.
 */
export async function limitSignIn(
  req: Request,
  handle: (req: Request) => Promise<Response>,
  limits = signInLimitsFromEnv(),
): Promise<Response> {
  const body = (await req
    .clone()
    .json()
    .catch(() => null)) as { email?: unknown } | null;
  const email = typeof body?.email === "string" ? accountId(body.email) : null;
  const ip = req.headers.get(CLIENT_IP_HEADER);
  const accountKey = email ? signInLimitKey("account", email) : null;
  try {
    if (ip && limits.ipMax > 0) {
      const perIp = await hit(signInLimitKey("ip", ip), limits.ipWindowMs);
      if (perIp.count > limits.ipMax) return tooMany("Too many sign-in attempts from this address", perIp.msLeft);
    }
    if (accountKey && limits.accountMax > 0) {
      const perAccount = await hit(accountKey, limits.accountWindowMs);
      if (perAccount.count > limits.accountMax) return tooMany("Too many failed sign-ins for this account", perAccount.msLeft);
    }
  } catch (e) {
    console.error(`[auth] sign-in limiter unavailable, letting the attempt through: ${(e as Error).message}`);
    return handle(req);
  }
  const res = await handle(req);
  if (accountKey && limits.accountMax > 0 && res.status !== 401) {
    // Only wrong passwords count against the account: a success clears them, anything else gives the attempt back.
    await (res.status === 200 ? redis().del(accountKey) : redis().decr(accountKey)).catch(() => undefined);
  }
  return res;
}
