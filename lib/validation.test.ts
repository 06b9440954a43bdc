import { describe, expect, it } from "vitest";
import { isoDateTime, isPgTimestamp, plainText } from "./validation";

describe("shared input rules", () => {
  it("plainText refuses NUL bytes and overlong text", () => {
    expect(plainText(5).safeParse("abc").success).toBe(true);
    expect(plainText(5).safeParse("a\0b").success).toBe(false);
    expect(plainText(5).safeParse("abcdef").success).toBe(false);
  });
  it("isoDateTime refuses year 0 and nonsense", () => {
    expect(isoDateTime().safeParse("2026-01-02T03:04:05Z").success).toBe(true);
    expect(isoDateTime().safeParse("0000-01-01T00:00:00Z").success).toBe(false);
    expect(isoDateTime().safeParse("2026-13-40T00:00:00Z").success).toBe(false);
  });
  it("isPgTimestamp accepts what Postgres prints and refuses year 0", () => {
    expect(isPgTimestamp("2026-01-02 03:04:05.123456+00")).toBe(true);
    expect(isPgTimestamp("0000-01-02 03:04:05+00")).toBe(false);
    expect(isPgTimestamp("yesterday")).toBe(false);
    expect(isPgTimestamp("2026-01-02 03:04:05+00'; drop")).toBe(false);
  });
});
