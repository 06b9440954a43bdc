import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secrets";

describe("stored API keys", () => {
  it("round-trips, never stores the plain text, and differs per encryption", () => {
    const a = encryptSecret("sk-abc-123");
    const b = encryptSecret("sk-abc-123");
    expect(a).not.toContain("sk-abc");
    expect(a).not.toBe(b);
    expect(decryptSecret(a)).toBe("sk-abc-123");
  });

  it("refuses a tampered value or a changed key", () => {
    const stored = encryptSecret("sk-abc-123");
    const parts = stored.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."))).toThrow();
    const before = process.env.MODEL_SECRET_KEY;
    process.env.MODEL_SECRET_KEY = "another-key";
    try {
      expect(() => decryptSecret(stored)).toThrow();
    } finally {
      if (before === undefined) delete process.env.MODEL_SECRET_KEY;
      else process.env.MODEL_SECRET_KEY = before;
    }
  });
});
