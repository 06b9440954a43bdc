import { describe, expect, it } from "vitest";
import { leftMemberFor, memberOfSide } from "./blind-side";

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i.toString(36)}`);

describe("leftMemberFor", () => {
  it("puts the strong member on the left for about half of the (pair, person) combinations", () => {
    const sides = ids("pair", 400).flatMap((pair) => ids("user", 5).map((user) => leftMemberFor(pair, user)));
    const strong = sides.filter((s) => s === "strong").length / sides.length;
    expect(strong).toBeGreaterThan(0.45);
    expect(strong).toBeLessThan(0.55);
  });

  it("is stable for one person and pair, and differs between people on some pairs", () => {
    const pairs = ids("pair", 50);
    expect(pairs.map((p) => leftMemberFor(p, "ann"))).toEqual(pairs.map((p) => leftMemberFor(p, "ann")));
    expect(pairs.some((p) => leftMemberFor(p, "ann") !== leftMemberFor(p, "bob"))).toBe(true);
  });
});

describe("memberOfSide", () => {
  it("maps A to the member shown on the left and B to the other", () => {
    expect(memberOfSide("a", "strong")).toBe("strong");
    expect(memberOfSide("b", "strong")).toBe("weak");
    expect(memberOfSide("a", "weak")).toBe("weak");
    expect(memberOfSide("b", "weak")).toBe("strong");
  });
});
