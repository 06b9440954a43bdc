import { describe, expect, it } from "vitest";
import { createSignInLimiter } from "./sign-in-limit";

describe("per-account sign-in limiter", () => {
  it("blocks an account after max failures whatever address they come from, until the window passes", () => {
    let t = 0;
    const limiter = createSignInLimiter({ max: 3, windowMs: 60_000 }, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterS("A@x.test")).toBe(0);
      limiter.record("a@x.test", false);
    }
    expect(limiter.retryAfterS("a@x.test")).toBe(60);
    expect(limiter.retryAfterS("b@x.test")).toBe(0);
    t = 59_000;
    expect(limiter.retryAfterS(" a@x.test ")).toBe(1);
    t = 60_000;
    expect(limiter.retryAfterS("a@x.test")).toBe(0);
  });

  it("a success clears the failures", () => {
    const limiter = createSignInLimiter({ max: 2, windowMs: 60_000 }, () => 0);
    limiter.record("a@x.test", false);
    limiter.record("a@x.test", true);
    limiter.record("a@x.test", false);
    expect(limiter.retryAfterS("a@x.test")).toBe(0);
  });
});
