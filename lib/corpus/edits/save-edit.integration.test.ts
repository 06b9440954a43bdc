import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { images, trajectories } from "@/db/schema";
import { createContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { listEdits, saveEdit } from "./save-edit";

let ctx: Ctx;
let trajectoryId: string;
const ORIGINAL = { Exposure2012: 0.5, Contrast2012: 10 };

beforeAll(async () => {
  ctx = createContext({ actor: await makeActor("reviewer") });
  const sha = randomBytes(32).toString("hex");
  await ctx.db.insert(images).values({ sha256: sha, format: "jpeg", bytes: 10, width: 4, height: 3 });
  const [t] = await ctx.db
    .insert(trajectories)
    .values({ sourceSha: sha, params: ORIGINAL, origin: "upload" })
    .returning({ id: trajectories.id });
  trajectoryId = t.id;
});

describe("saveEdit", () => {
  it("adds numbered edit versions without touching the trajectory's own params", async () => {
    const first = await saveEdit({ ctx, input: { trajectoryId, params: { exposure: "+0.80", Shadows2012: 25 } } });
    expect(first.version).toBe(1);
    expect(first.params).toEqual({ Exposure2012: 0.8, Shadows2012: 25 });
    const second = await saveEdit({ ctx, input: { trajectoryId, params: { Exposure2012: 0.9 }, basedOn: first.id } });
    expect(second.version).toBe(2);
    expect(second.basedOn).toBe(first.id);
    const [t] = await ctx.db.select().from(trajectories).where(eq(trajectories.id, trajectoryId));
    expect(t.params).toEqual(ORIGINAL);
    const edits = await listEdits({ ctx, input: { trajectoryId } });
    expect(edits.map((e) => e.version)).toEqual([2, 1]);
  });

  it("rejects bad params, unknown trajectories and a basedOn from another trajectory", async () => {
    await expect(saveEdit({ ctx, input: { trajectoryId, params: { Exposure2012: "bright" } } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await expect(saveEdit({ ctx, input: { trajectoryId: randomUUID(), params: {} } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveEdit({ ctx, input: { trajectoryId, params: {}, basedOn: randomUUID() } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a caller without a role", async () => {
    await expect(saveEdit({ ctx: createContext({ actor: null }), input: { trajectoryId, params: {} } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });
});
