import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fivekTest400 } from "./fivek-test-400";

describe("FiveK test list", () => {
  it("is 400 distinct ids from a4501–a5000, frozen", () => {
    const ids = fivekTest400();
    expect(ids).toHaveLength(400);
    expect(new Set(ids).size).toBe(400);
    expect(ids.every((id) => /^a(4[5-9]\d\d|5000)$/.test(id) && Number(id.slice(1)) >= 4501)).toBe(true);
    expect(fivekTest400()).toEqual(ids);
    // Pinned: changing the draw changes the benchmark, which must never happen silently.
    expect(createHash("sha256").update(ids.join("\n")).digest("hex").slice(0, 16)).toBe(PINNED);
  });
});

const PINNED = "a91ce52bae72d615";
