/** The header the request hook (instrumentation.ts) sets to the caller's address; a client-sent value is overwritten. */
export const CLIENT_IP_HEADER = "x-riq-client-ip";

/**
 * How many reverse proxies in front of the app append to X-Forwarded-For
 * (`TRUST_PROXY`): unset/`0`/`false` = none, so forwarded headers are
 * ignored and the socket address is the caller; `true` = 1; a number = that
 * many hops.
 */
export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  if (!value || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10)
    throw new Error(`TRUST_PROXY must be true, false or a hop count 0–10, not "${value}"`);
  return hops;
}

/**
 * The caller's address. With `hops` trusted proxies, each appends the
 * address it received from to X-Forwarded-For, so the client is the entry
 * `hops` from the right of [...forwarded, socket] minus the socket itself;
 * entries further left were written by the client and are never trusted.
 */
export function clientIp({
  socketAddress,
  forwardedFor,
  hops,
}: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  hops: number;
}): string {
  const socket = normaliseIp(socketAddress ?? "unknown");
  if (hops === 0) return socket;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [
    ...raw
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    socket,
  ];
  // chain[-1] is the proxy nearest to us (the socket); the client is `hops` entries before it.
  const at = chain.length - 1 - hops;
  return normaliseIp(at >= 0 ? chain[at] : chain[0]);
}

const normaliseIp = (ip: string) => (ip.toLowerCase().startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip).slice(0, 64);
