import { createHash, randomBytes, randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { API_TOKEN_SCOPES, apiTokens, ROLES, type ApiTokenScope, type Role } from "@/db/schema";
import { makeActor } from "@/test/actors";
import { failLeftoverRounds } from "@/test/training/training-fixtures";
import { ACTIONS, isAllowed, ROUTES, type Caller } from "./access-policy";

// Server actions read the caller from next/headers; here each call sets them.
let currentHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => currentHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/** An API token for a fresh user of `role` (tokens carry their owner's role) with `scopes`. */
async function tokenFor(role: Role, scopes: ApiTokenScope[] = []): Promise<string> {
  const actor = await makeActor(role);
  const token = `riq_${randomBytes(24).toString("base64url")}`;
  await getDb()
    .insert(apiTokens)
    .values({
      userId: actor.id,
      name: "matrix",
      scopes,
      prefix: token.slice(0, 10),
      tokenHash: createHash("sha256").update(token).digest("hex"),
    });
  return token;
}

/** Anonymous, a token of each role, and an annotator's token of each scope. */
const CALLERS: { label: string; caller: Caller; make: () => Promise<string | null> }[] = [
  { label: "anonymous", caller: null, make: async () => null },
  ...ROLES.map((role) => ({ label: `${role} token`, caller: { role, via: "token" as const, scopes: [] }, make: () => tokenFor(role) })),
  ...API_TOKEN_SCOPES.map((scope) => ({
    label: `"${scope}" token`,
    caller: { role: "researcher" as const, via: "token" as const, scopes: [scope] },
    make: () => tokenFor("researcher", [scope]),
  })),
  // A trainer token whose owner was demoted to annotator: the scope alone does not let it in.
  {
    label: "demoted reward token",
    caller: { role: "annotator", via: "token", scopes: ["reward"] },
    make: () => tokenFor("annotator", ["reward"]),
  },
];
const DUMMY: Record<string, string> = { sha256: "0".repeat(64), variant: "thumbnail", id: randomUUID() };
/** Route params with placeholder values; catch-all segments (`[...path]`) are arrays. */
export const dummyParams = (path: string) =>
  Object.fromEntries([...path.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((m) => [m[2], m[1] ? ["x"] : (DUMMY[m[2]] ?? "x")]));
const concretePath = (path: string) => path.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, p: string) => DUMMY[p] ?? "x");
/** Hostile or empty inputs: a role check that comes first answers FORBIDDEN to all of them. */
const INPUTS: unknown[] = [{}, [], [null], null];

describe("access matrix: every API route and server action × every role (API tokens of each role)", () => {
  const tokens = new Map<string, string | null>();
  const startedAt = new Date();
  beforeAll(async () => {
    for (const c of CALLERS) tokens.set(c.label, await c.make());
  });
  // The allowed call of startRoundAction starts a real round; only one may run at a time, so end it.
  afterAll(() => failLeftoverRounds({ since: startedAt, error: "started by the access-matrix test" }));
  const authHeaders = (label: string): Record<string, string> =>
    tokens.get(label) ? { authorization: `Bearer ${tokens.get(label)}` } : {};

  const routeEntries = Object.entries(ROUTES).filter(([, allow]) => allow !== "anyone");
  it.each(routeEntries)("%s → %j", async (key, allow) => {
    const [method, path] = key.split(" ");
    const mod = (await import(join(process.cwd(), "app", path, "route.ts"))) as Record<
      string,
      (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>
    >;
    const params = dummyParams(path);
    const url = `http://localhost${concretePath(path)}`;
    for (const { label, caller } of CALLERS) {
      const init: RequestInit = { method, headers: authHeaders(label) };
      if (method !== "GET") Object.assign(init, { body: "{}", headers: { ...authHeaders(label), "content-type": "application/json" } });
      const res = await mod[method](new Request(url, init), { params: Promise.resolve(params) });
      const expected = isAllowed(allow, caller) ? "allowed" : caller === null ? 401 : 403;
      const got = res.status === 401 || res.status === 403 ? res.status : "allowed";
      expect(res.status, `${key} as ${label}`).toBeLessThan(500);
      expect(got, `${key} as ${label} answered ${res.status}`).toBe(expected);
      if (typeof got === "number") expect((await res.json()).error.message).toEqual(expect.any(String));
    }
  });

  it.each(Object.entries(ACTIONS))("%s → %j", async (key, allow) => {
    const [file, name] = key.split("#");
    const mod = (await import(join(process.cwd(), file))) as Record<
      string,
      (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>
    >;
    for (const { label, caller } of CALLERS) {
      currentHeaders = new Headers(authHeaders(label));
      for (const input of INPUTS) {
        const result = await mod[name](input);
        const code = result.ok ? "OK" : result.error!.code;
        expect(code, `${key}(${JSON.stringify(input)}) as ${label}`).not.toBe("INTERNAL");
        if (isAllowed(allow, caller)) expect(["UNAUTHENTICATED", "FORBIDDEN"], `${key} as ${label}`).not.toContain(code);
        else expect(code, `${key} as ${label}`).toBe(caller === null ? "UNAUTHENTICATED" : "FORBIDDEN");
        if (!result.ok) expect(result.error!.message.length).toBeGreaterThan(0);
      }
    }
  });
});
