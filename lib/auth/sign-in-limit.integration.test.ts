// Sign-in limits against the real Redis, through a real HTTP server with the
// client-IP hook (as `next start` runs it), so the address is the socket's.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { appUrl, redisUrl } from "@/lib/config/env";
import { systemContext } from "@/lib/context";
import { installClientIpHook } from "@/lib/http/install-client-ip-hook";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { createUser } from "./create-user";
import { closeSignInLimiter, signInLimitKey } from "./sign-in-limit";

const email = () => `limit-${randomUUID().slice(0, 8)}@test.local`;

describe("sign-in limits kept in Redis", () => {
  let server: http.Server;
  let url: string;
  const redis = new Redis(redisUrl());
  beforeAll(async () => {
    delete process.env.TRUST_PROXY; // no proxy: X-Forwarded-For is the client's own words
    installClientIpHook();
    server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await authPost(new Request(`${appUrl()}${req.url}`, { method: req.method, headers, body: Buffer.concat(chunks) }));
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth/sign-in/email`;
  });
  beforeEach(async () => {
    process.env.AUTH_SIGNIN_RATE_LIMIT = "0";
    process.env.AUTH_ACCOUNT_SIGNIN_LIMIT = "100";
    await redis.del(signInLimitKey("ip", "127.0.0.1"));
  });
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    await closeSignInLimiter();
    redis.disconnect();
    delete process.env.AUTH_SIGNIN_RATE_LIMIT;
    delete process.env.AUTH_ACCOUNT_SIGNIN_LIMIT;
  });

  const attempt = (address: string, password: string, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl(), ...headers },
      body: JSON.stringify({ email: address, password }),
    });

  it("counts attempts per socket address: a new X-Forwarded-For on each attempt does not reset it", async () => {
    process.env.AUTH_SIGNIN_RATE_LIMIT = "3";
    for (let i = 0; i < 3; i++)
      expect(
        (await attempt(email(), "wrong-password", { "x-forwarded-for": `203.0.113.${i}`, [CLIENT_IP_HEADER]: `198.51.100.${i}` })).status,
      ).toBe(401);
    const refused = await attempt(email(), "wrong-password", { "x-forwarded-for": "203.0.113.99" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).message).toMatch(/Too many sign-in attempts from this address; try again in \d+ s/);
    // The count lives in Redis, not in this process: clearing it there lets the address in again.
    await redis.del(signInLimitKey("ip", "127.0.0.1"));
    expect((await attempt(email(), "wrong-password")).status).toBe(401);
  });

  it("attempts another web process counted refuse this one too", async () => {
    process.env.AUTH_SIGNIN_RATE_LIMIT = "3";
    await redis.set(signInLimitKey("ip", "127.0.0.1"), 3, "PX", 10_000);
    expect((await attempt(email(), "wrong-password")).status).toBe(429);
  });

  it("limits failed sign-ins per account whatever address they come from; a success clears them", async () => {
    process.env.AUTH_ACCOUNT_SIGNIN_LIMIT = "3";
    const address = email();
    await createUser({ ctx: systemContext(), input: { email: address, name: "L", password: "the-right-one", role: "annotator" } });
    // Different real addresses, as a trusted proxy would stamp them (direct calls: no socket to read).
    const from = (ip: string, password: string) =>
      authPost(
        new Request(`${appUrl()}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: appUrl(), [CLIENT_IP_HEADER]: ip },
          body: JSON.stringify({ email: address.toUpperCase(), password }),
        }),
      );
    expect((await from("198.51.100.1", "guess-1")).status).toBe(401);
    expect((await from("198.51.100.2", "the-right-one")).status).toBe(200); // clears the count
    for (let i = 0; i < 3; i++) expect((await from(`198.51.100.${10 + i}`, `guess-${i}`)).status).toBe(401);
    const blocked = await from("198.51.100.99", "the-right-one");
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).message).toMatch(/Too many failed sign-ins for this account; try again in 15 min/);
    expect(Number(await redis.get(signInLimitKey("account", address)))).toBeGreaterThanOrEqual(3);
    // Another account from the same addresses is not affected.
    const other = email();
    await createUser({ ctx: systemContext(), input: { email: other, name: "O", password: "other-right-one", role: "annotator" } });
    const res = await authPost(
      new Request(`${appUrl()}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: appUrl(), [CLIENT_IP_HEADER]: "198.51.100.99" },
        body: JSON.stringify({ email: other, password: "other-right-one" }),
      }),
    );
    expect(res.status).toBe(200);
  });
});
