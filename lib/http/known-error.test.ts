import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { toKnownError } from "./known-error";

const pg = (code: string) => Object.assign(new Error("pg says no"), { code });

describe("toKnownError", () => {
  it("maps a database that is down to UNAVAILABLE, also when wrapped by drizzle", () => {
    expect(toKnownError(pg("ECONNREFUSED"))?.code).toBe("UNAVAILABLE");
    expect(toKnownError(new Error("Failed query", { cause: pg("57P01") }))?.code).toBe("UNAVAILABLE");
    expect(toKnownError(new Error("x", { cause: pg("08006") }))?.message).toMatch(/unavailable/);
  });
  it("maps a full disk to UNAVAILABLE and data exceptions to VALIDATION", () => {
    expect(toKnownError(pg("ENOSPC"))?.message).toMatch(/Storage is full/);
    expect(toKnownError(new Error("q", { cause: pg("22021") }))?.code).toBe("VALIDATION");
    expect(toKnownError(new Error("q", { cause: pg("22008") }))?.code).toBe("VALIDATION");
  });
  it("keeps AppErrors and leaves real bugs alone", () => {
    const e = new AppError("CONFLICT", "taken");
    expect(toKnownError(e)).toBe(e);
    expect(toKnownError(new TypeError("undefined is not a function"))).toBeNull();
    expect(toKnownError(pg("42P01"))).toBeNull();
  });
});
