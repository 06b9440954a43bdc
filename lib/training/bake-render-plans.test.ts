import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { bakePlan, renderImage } from "@/lib/develop";
import { bakeRenderPlans } from "./bake-render-plans";

const actor = (role: Actor["role"], via: Actor["via"] = "session", scopes?: string[]): Ctx => ({
  db: null as never,
  actor: { id: "u", email: "u@x", name: "u", role, via, ...(scopes ? { scopes } : {}) },
});
const f32 = (b64: string) => new Float32Array(new Uint8Array(Buffer.from(b64, "base64")).buffer);

describe("bakeRenderPlans", () => {
  it("lets a researcher in, in person or by a reward- or trainer-scoped token, and no one else", async () => {
    await expect(bakeRenderPlans({ ctx: actor("annotator"), input: { edits: [{ exposure: 1 }] } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(bakeRenderPlans({ ctx: { db: null as never, actor: null }, input: { edits: [{ exposure: 1 }] } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(
      bakeRenderPlans({ ctx: actor("researcher", "token", ["export"]), input: { edits: [{ exposure: 1 }] } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      bakeRenderPlans({ ctx: actor("researcher", "token", ["reward"]), input: { edits: [{ exposure: 1 }] } }),
    ).resolves.toBeTruthy();
    await expect(
      bakeRenderPlans({ ctx: actor("researcher", "token", ["trainer"]), input: { edits: [{ exposure: 1 }] } }),
    ).resolves.toBeTruthy();
    // A scoped token whose owner was demoted stops working.
    await expect(
      bakeRenderPlans({ ctx: actor("annotator", "token", ["reward"]), input: { edits: [{ exposure: 1 }] } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(bakeRenderPlans({ ctx: actor("researcher"), input: { edits: [{ exposure: 1 }] } })).resolves.toBeTruthy();
  });

  it("refuses empty, oversized and malformed requests", async () => {
    const ctx = actor("researcher");
    await expect(bakeRenderPlans({ ctx, input: { edits: [] } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(bakeRenderPlans({ ctx, input: { edits: [{}], gridSize: 99 } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(bakeRenderPlans({ ctx, input: { edits: Array.from({ length: 257 }, () => ({})) } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("returns the tables the engine renders with, the cube only when a stage mixes channels, and the spatial stages left", async () => {
    const { plans } = await bakeRenderPlans({
      ctx: actor("researcher"),
      input: { edits: [{ exposure: 0.7 }, { vibrance: 40, Clarity2012: 30, PostCropVignetteAmount: -20 }, { bogus: 3 }], gridSize: 9 },
    });
    expect(plans[0].grid).toBeNull();
    expect(plans[0].spatial).toEqual([]);
    expect(f32(plans[1].grid!).length).toBe(9 ** 3 * 3);
    expect(plans[1].spatial).toEqual(["presence", "vignette"]);
    expect(plans[2].issues.join(" ")).toMatch(/bogus/);
    // The tables are the engine's: a grey ramp through the table equals the engine's render of it.
    const table = f32(plans[0].separable);
    const ramp = Uint8Array.from({ length: 256 * 3 }, (_, i) => Math.floor(i / 3));
    const rendered = renderImage({ image: { data: ramp, width: 256, height: 1, channels: 3 }, params: { Exposure2012: 0.7 } }).image.data;
    for (let v = 0; v < 256; v += 17) expect(Math.abs(Math.round(Math.min(1, table[v]) * 255) - rendered[v * 3])).toBeLessThanOrEqual(1);
    expect(table[128]).toBeGreaterThan(128 / 255);
    expect(bakePlan({ params: {}, size: 3 }).grid).toBeNull();
  });
});
