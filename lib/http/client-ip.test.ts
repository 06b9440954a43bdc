import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "./client-ip";

describe("clientIp", () => {
  it("ignores X-Forwarded-For when no proxy is trusted, so a spoofed header changes nothing", () => {
    expect(clientIp({ socketAddress: "::ffff:10.0.0.9", forwardedFor: "1.2.3.4", hops: 0 })).toBe("10.0.0.9");
    expect(clientIp({ socketAddress: "10.0.0.9", forwardedFor: undefined, hops: 0 })).toBe("10.0.0.9");
  });

  it("behind one proxy takes the address the proxy appended, not what the client wrote before it", () => {
    // client sent "6.6.6.6"; nginx appended the real peer 203.0.113.7; the socket is nginx.
    expect(clientIp({ socketAddress: "127.0.0.1", forwardedFor: "6.6.6.6, 203.0.113.7", hops: 1 })).toBe("203.0.113.7");
    expect(clientIp({ socketAddress: "127.0.0.1", forwardedFor: ["6.6.6.6", "203.0.113.7"], hops: 1 })).toBe("203.0.113.7");
  });

  it("behind two proxies skips both", () => {
    expect(clientIp({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.1", hops: 2 })).toBe("203.0.113.7");
  });

  it("parses TRUST_PROXY and refuses nonsense", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("false")).toBe(0);
    expect(trustedProxyHops("true")).toBe(1);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("yes please")).toThrow(/TRUST_PROXY/);
  });
});
