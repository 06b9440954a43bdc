// Model configuration verbs: admin-only, secrets never shown back, one active
// model per role, test connection against a loopback server, seeding.
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { models } from "@/db/schema";
import { createContext, systemContext } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { startWireServer, type WireServer } from "@/test/openai-wire-server";
import { createModel, ensureDefaultModels, getActiveModel, listModels, setModelActive, testModelConnection, updateModel } from "..";
import { decryptSecret } from "./secrets";

const sys = systemContext();
const suffix = Math.random().toString(36).slice(2, 8);
let admin: ReturnType<typeof createContext>;
let server: WireServer;

beforeAll(async () => {
  admin = createContext({ actor: await makeActor("admin") });
  server = await startWireServer({ servedModels: ["qwen-grm"] });
});
afterAll(async () => {
  await getDb().update(models).set({ active: false }).where(eq(models.role, "reward"));
  await server.close();
});

const grm = (name: string, extra: Record<string, unknown> = {}) => ({
  name: `${name}-${suffix}`,
  role: "reward" as const,
  backend: "openai-compatible" as const,
  endpoint: server.url,
  servedModel: "qwen-grm",
  ...extra,
});

describe("model configuration", () => {
  it("stores an API key encrypted and never returns it", async () => {
    const m = await createModel({ ctx: admin, input: grm("secret", { apiKey: "sk-very-secret-123" }) });
    expect(m.hasStoredKey).toBe(true);
    expect(JSON.stringify(m)).not.toContain("sk-very-secret");
    expect(JSON.stringify(await listModels({ ctx: admin }))).not.toContain("sk-very-secret");
    const [row] = await getDb().select().from(models).where(eq(models.id, m.id));
    expect(row.apiKeyEncrypted).not.toContain("sk-very-secret");
    expect(decryptSecret(row.apiKeyEncrypted!)).toBe("sk-very-secret-123");

    const cleared = await updateModel({ ctx: admin, input: { id: m.id, apiKey: "" } });
    expect(cleared.hasStoredKey).toBe(false);
  });

  it("is for admins only and validates the model", async () => {
    const researcher = createContext({ actor: await makeActor("researcher") });
    await expect(createModel({ ctx: researcher, input: grm("nope") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listModels({ ctx: researcher })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createModel({ ctx: admin, input: grm("no-endpoint", { endpoint: null }) })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createModel({ ctx: admin, input: grm("bad-prompt", { promptVersion: "v99" }) })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await createModel({ ctx: admin, input: grm("dup") });
    await expect(createModel({ ctx: admin, input: grm("dup") })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps one active model per role and falls back to the heuristic when none is", async () => {
    const a = await createModel({ ctx: admin, input: grm("a", { active: true }) });
    expect((await getActiveModel({ db: getDb(), role: "reward" })).id).toBe(a.id);
    const b = await createModel({ ctx: admin, input: grm("b") });
    await setModelActive({ ctx: admin, input: { id: b.id, active: true } });
    const rows = await getDb()
      .select()
      .from(models)
      .where(inArray(models.id, [a.id, b.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.active]))).toEqual({ [a.id]: false, [b.id]: true });
    expect((await getActiveModel({ db: getDb(), role: "reward" })).id).toBe(b.id);
    await setModelActive({ ctx: admin, input: { id: b.id, active: false } });
    expect(await getActiveModel({ db: getDb(), role: "reward" })).toMatchObject({
      id: null,
      backend: "heuristic",
      name: "heuristic-reward",
    });
  });

  it("tests the connection: served model found, wrong name, server down", async () => {
    const ok = await createModel({ ctx: admin, input: grm("conn-ok") });
    expect(await testModelConnection({ ctx: admin, input: { id: ok.id } })).toMatchObject({ ok: true, servedModels: ["qwen-grm"] });
    const wrong = await createModel({ ctx: admin, input: grm("conn-wrong", { servedModel: "other" }) });
    const w = await testModelConnection({ ctx: admin, input: { id: wrong.id } });
    expect(w.ok).toBe(false);
    expect(w.message).toMatch(/does not serve "other"/);
    const missingEnv = await createModel({ ctx: admin, input: grm("conn-env", { apiKeyEnv: "MODEL_KEY_NO_SUCH_XYZ" }) });
    expect((await testModelConnection({ ctx: admin, input: { id: missingEnv.id } })).message).toMatch(/MODEL_KEY_NO_SUCH_XYZ is not set/);
    // Any other variable is refused by name, with one answer whether or not it exists on the server.
    for (const apiKeyEnv of ["BETTER_AUTH_SECRET", "DATABASE_URL", "NO_SUCH_VAR_AT_ALL"])
      await expect(createModel({ ctx: admin, input: grm(`conn-${apiKeyEnv}`, { apiKeyEnv }) })).rejects.toMatchObject({
        code: "VALIDATION",
        message: expect.stringMatching(/MODEL_KEY_/),
      });
    await server.down();
    try {
      const down = await testModelConnection({ ctx: admin, input: { id: ok.id } });
      expect(down.ok).toBe(false);
      expect(down.message).toMatch(/Cannot reach/);
    } finally {
      await server.up();
    }
  });

  it("seeds one model per role, from env where given, idempotently", async () => {
    await getDb()
      .delete(models)
      .where(inArray(models.role, ["judge", "perturber"]));
    process.env.MODEL_JUDGE_BASE_URL = "http://judge.internal:8000/v1";
    process.env.MODEL_JUDGE_NAME = "glm-4.5v";
    process.env.MODEL_JUDGE_API_KEY_ENV = "MODEL_KEY_JUDGE";
    try {
      const created = await ensureDefaultModels({ ctx: sys });
      expect(created).toEqual(expect.arrayContaining(["heuristic-judge", "judge-glm-4.5v", "heuristic-perturber"]));
      const judge = await getDb().select().from(models).where(eq(models.role, "judge"));
      expect(judge.find((m) => m.active)).toMatchObject({
        backend: "openai-compatible",
        endpoint: "http://judge.internal:8000/v1",
        servedModel: "glm-4.5v",
        apiKeyEnv: "MODEL_KEY_JUDGE",
      });
      expect(await ensureDefaultModels({ ctx: sys })).toEqual([]);
    } finally {
      delete process.env.MODEL_JUDGE_BASE_URL;
      delete process.env.MODEL_JUDGE_NAME;
      delete process.env.MODEL_JUDGE_API_KEY_ENV;
      await getDb().update(models).set({ active: false }).where(eq(models.role, "judge"));
    }
  });
});
