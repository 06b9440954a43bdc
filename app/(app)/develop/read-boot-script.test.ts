import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { withSeed } from "./read-boot-script";

describe("the inlined boot script's seed", () => {
  it("cannot end the script element, and the script reads back exactly the seed the page wrote", () => {
    const seed = JSON.stringify({ image: "a".repeat(64), params: { note: "</script><script>alert(1)</script>\u2028<!--" } });
    const inline = withSeed("seen = self.__developSeed;", seed);
    expect(inline.toLowerCase()).not.toContain("</script");
    expect(inline).not.toContain("<!--");
    const context: { self?: unknown; seen?: string } = {};
    context.self = context;
    runInNewContext(inline, context);
    expect(context.seen).toBe(seed);
  });

  it("passes no seed as null", () => {
    const context: { self?: unknown; seen?: unknown } = {};
    context.self = context;
    runInNewContext(withSeed("seen = self.__developSeed;", null), context);
    expect(context.seen).toBeNull();
  });
});
