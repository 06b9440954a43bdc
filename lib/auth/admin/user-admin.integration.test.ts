import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { createApiToken } from "../api-tokens";
import { getAuth } from "../auth";
import { createUser } from "../create-user";
import { getActor } from "../get-actor";
import { getUserAccess } from "./get-user-access";
import { resetUserPassword } from "./reset-user-password";
import { revokeUserAccess } from "./revoke-user-access";
import { setUserDisabled } from "./set-user-disabled";
import { setUserRole } from "./set-user-role";

const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
const signIn = async (email: string, password: string) => {
  const res = await getAuth().api.signInEmail({ body: { email, password }, asResponse: true });
  return { status: res.status, cookie: cookieOf(res) };
};
const audited = async (action: string, subjectId: string) =>
  getDb().$count(auditLog, and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));

describe("user administration", () => {
  let admin: Ctx;
  let user: { id: string; email: string };
  beforeAll(async () => {
    admin = createContext({ actor: await makeActor("admin") });
    const email = `adm-${randomUUID().slice(0, 8)}@test.local`;
    user = await createUser({ ctx: systemContext(), input: { email, name: "Target", password: "first-password", role: "annotator" } });
  });

  it("a role change applies to a live session on its next request, and is audited", async () => {
    const { cookie } = await signIn(user.email, "first-password");
    expect(await getActor(new Headers({ cookie }))).toMatchObject({ role: "annotator" });
    await setUserRole({ ctx: admin, input: { userId: user.id, role: "reviewer" } });
    expect(await getActor(new Headers({ cookie }))).toMatchObject({ role: "reviewer" });
    expect(await audited("user.role", user.id)).toBe(1);
  });

  it("disabling ends sessions and API tokens at once and refuses sign-in; enabling lets the user back", async () => {
    await setUserRole({ ctx: admin, input: { userId: user.id, role: "researcher" } });
    const { cookie } = await signIn(user.email, "first-password");
    const { token } = await createApiToken({
      ctx: createContext({ actor: (await getActor(new Headers({ cookie })))! }),
      input: { name: "trainer" },
    });
    const disabled = await setUserDisabled({ ctx: admin, input: { userId: user.id, disabled: true } });
    expect(disabled.endedSessions).toBeGreaterThanOrEqual(1);
    expect(await getActor(new Headers({ cookie }))).toBeNull();
    expect(await getActor(new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
    expect((await signIn(user.email, "first-password")).status).toBe(403);
    await setUserDisabled({ ctx: admin, input: { userId: user.id, disabled: false } });
    expect((await signIn(user.email, "first-password")).status).toBe(200);
    expect(await getActor(new Headers({ authorization: `Bearer ${token}` }))).toMatchObject({ id: user.id });
    expect(await audited("user.disable", user.id)).toBe(1);
    expect(await audited("user.enable", user.id)).toBe(1);
  });

  it("lists and revokes one session and one API token", async () => {
    const { cookie } = await signIn(user.email, "first-password");
    const { token, id: tokenId } = await createApiToken({
      ctx: createContext({ actor: (await getActor(new Headers({ cookie })))! }),
      input: { name: "ci" },
    });
    const access = await getUserAccess({ ctx: admin, input: { userId: user.id } });
    expect(access.tokens.map((t) => t.name)).toContain("ci");
    expect(JSON.stringify(access)).not.toContain(token);
    for (const s of access.sessions) await revokeUserAccess({ ctx: admin, input: { kind: "session", id: s.id } });
    expect(await getActor(new Headers({ cookie }))).toBeNull();
    await revokeUserAccess({ ctx: admin, input: { kind: "token", id: tokenId } });
    expect(await getActor(new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
    await expect(revokeUserAccess({ ctx: admin, input: { kind: "token", id: tokenId } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await audited("user.revoke-token", user.id)).toBe(1);
  });

  it("a password reset returns a one-time password once, ends sessions, and the old password stops working", async () => {
    const { cookie } = await signIn(user.email, "first-password");
    const { password } = await resetUserPassword({ ctx: admin, input: { userId: user.id } });
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await getActor(new Headers({ cookie }))).toBeNull();
    expect((await signIn(user.email, "first-password")).status).toBe(401);
    expect((await signIn(user.email, password)).status).toBe(200);
    const [row] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.reset-password"), eq(auditLog.subjectId, user.id)));
    expect(JSON.stringify(row.data)).not.toContain(password);
  });

  it("checks the admin role before looking at the input, and refuses to act on oneself", async () => {
    const reviewer = createContext({ actor: await makeActor("reviewer") });
    for (const input of [null, [], [null], { userId: "\0" }] as never[]) {
      await expect(setUserRole({ ctx: reviewer, input })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(setUserRole({ ctx: admin, input })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(setUserDisabled({ ctx: admin, input: { userId: admin.actor!.id, disabled: true } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(setUserRole({ ctx: admin, input: { userId: "no-such-user", role: "admin" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
