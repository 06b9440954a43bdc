import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER } from "./client-ip";
import { installClientIpHook } from "./install-client-ip-hook";

describe("client IP hook", () => {
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    delete process.env.TRUST_PROXY;
    installClientIpHook();
    server = http.createServer((req, res) =>
      res.end(JSON.stringify({ ip: req.headers[CLIENT_IP_HEADER], xff: req.headers["x-forwarded-for"] ?? null })),
    );
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("stamps the socket address and drops spoofed forwarding headers when no proxy is trusted", async () => {
    const res = await fetch(url, { headers: { "x-forwarded-for": "6.6.6.6", [CLIENT_IP_HEADER]: "7.7.7.7" } });
    expect(await res.json()).toEqual({ ip: "127.0.0.1", xff: null });
  });
});
