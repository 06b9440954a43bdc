import { createHash, randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { API_TOKEN_SCOPES, apiTokens, ROLES, type Role } from "@/db/schema";
import { makeActor } from "@/test/actors";
import { ACTIONS, isAllowed, ROUTES } from "./access-policy";

// Server actions read the caller from next/headers; here each call sets them.
let currentHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => currentHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/** An API token with every scope for a fresh user of `role` (tokens carry their owner's role; scopes narrow trainer routes further). */
async function tokenFor(role: Role): Promise<string> {
  const actor = await makeActor(role);
  const token = `riq_${randomBytes(24).toString("base64url")}`;
  await getDb()
    .insert(apiTokens)
    .values({ userId: actor.id, name: "matrix", scopes: [...API_TOKEN_SCOPES], prefix: token.slice(0, 10), tokenHash: createHash("sha256").update(token).digest("hex") });
  return token;
}

const CALLERS: (Role | null)[] = [null, ...ROLES];
const DUMMY: Record<string, string> = { sha256: "0".repeat(64), variant: "thumbnail", id: randomUUID() };
/** Hostile or empty inputs: a role check that comes first answers FORBIDDEN to all of them. */
const INPUTS: unknown[] = [{}, [], [null], null];

describe("access matrix: every API route and server action × every role (API tokens of each role)", () => {
  const tokens = new Map<Role, string>();
  beforeAll(async () => {
    for (const role of ROLES) tokens.set(role, await tokenFor(role));
  });
  const authHeaders = (role: Role | null): Record<string, string> => (role ? { authorization: `Bearer ${tokens.get(role)}` } : {});

  const routeEntries = Object.entries(ROUTES).filter(([, allow]) => allow !== "anyone");
  it.each(routeEntries)("%s → %j", async (key, allow) => {
    const [method, path] = key.split(" ");
    const mod = (await import(join(process.cwd(), "app", path, "route.ts"))) as Record<string, (req: Request, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>>;
    // `[name]` segments get a dummy value; catch-all `[...name]` segments an array of one.
    const params = Object.fromEntries([...path.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => [m[2], m[1] ? [DUMMY[m[2]] ?? "x"] : (DUMMY[m[2]] ?? "x")]));
    const url = `http://localhost${path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, p: string) => DUMMY[p] ?? "x")}`;
    for (const role of CALLERS) {
      const init: RequestInit = { method, headers: authHeaders(role) };
      if (method !== "GET") Object.assign(init, { body: "{}", headers: { ...authHeaders(role), "content-type": "application/json" } });
      const res = await mod[method](new Request(url, init), { params: Promise.resolve(params) });
      const expected = isAllowed(allow, role) ? "allowed" : role === null ? 401 : 403;
      const got = res.status === 401 || res.status === 403 ? res.status : "allowed";
      expect(got, `${key} as ${role ?? "anonymous"} answered ${res.status}`).toBe(expected);
      if (typeof got === "number") expect((await res.json()).error.message).toEqual(expect.any(String));
    }
  });

  it.each(Object.entries(ACTIONS))("%s → %j", async (key, allow) => {
    const [file, name] = key.split("#");
    const mod = (await import(join(process.cwd(), file))) as Record<string, (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>>;
    for (const role of CALLERS) {
      currentHeaders = new Headers(authHeaders(role));
      for (const input of INPUTS) {
        const result = await mod[name](input);
        const code = result.ok ? "OK" : result.error!.code;
        expect(code, `${key}(${JSON.stringify(input)}) as ${role ?? "anonymous"}`).not.toBe("INTERNAL");
        if (isAllowed(allow, role)) expect(["UNAUTHENTICATED", "FORBIDDEN"]).not.toContain(code);
        else expect(code).toBe(role === null ? "UNAUTHENTICATED" : "FORBIDDEN");
        if (!result.ok) expect(result.error!.message.length).toBeGreaterThan(0);
      }
    }
  });
});
