import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { systemContext, createContext } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { createApiToken } from "./api-tokens";
import { getAuth } from "./auth";
import { createUser } from "./create-user";
import { getActor } from "./get-actor";

const email = () => `u-${randomUUID().slice(0, 8)}@test.local`;

describe("sign-in and roles", () => {
  it("an admin-created user signs in with their password and is resolved with their role", async () => {
    const address = email();
    await createUser({ ctx: systemContext(), input: { email: address, name: "Rev", password: "correct horse", role: "reviewer" } });
    const res = await getAuth().api.signInEmail({ body: { email: address, password: "correct horse" }, asResponse: true });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const actor = await getActor(new Headers({ cookie }));
    expect(actor).toMatchObject({ email: address, role: "reviewer", via: "session" });
  });

  it("a wrong password is refused and no session is issued", async () => {
    const address = email();
    await createUser({ ctx: systemContext(), input: { email: address, name: "A", password: "right-password", role: "annotator" } });
    const res = await getAuth().api.signInEmail({ body: { email: address, password: "wrong-password" }, asResponse: true });
    expect(res.status).toBe(401);
    expect(res.headers.getSetCookie()).toHaveLength(0);
  });

  it("only admins create users; duplicates are a CONFLICT", async () => {
    const annotator = createContext({ actor: await makeActor("annotator") });
    const address = email();
    await expect(
      createUser({ ctx: annotator, input: { email: address, name: "X", password: "12345678", role: "admin" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = createContext({ actor: await makeActor("admin") });
    await createUser({ ctx: admin, input: { email: address, name: "X", password: "12345678", role: "annotator" } });
    await expect(
      createUser({ ctx: admin, input: { email: address, name: "X", password: "12345678", role: "annotator" } }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("self-service sign-up is disabled", async () => {
    const res = await getAuth().api.signUpEmail({ body: { email: email(), password: "whatever123", name: "Eve" }, asResponse: true });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it("API tokens resolve to their owner; unknown tokens resolve to nobody", async () => {
    const researcher = await makeActor("researcher");
    const { token } = await createApiToken({ ctx: createContext({ actor: researcher }), input: { name: "trainer" } });
    expect(await getActor(new Headers({ authorization: `Bearer ${token}` }))).toMatchObject({ id: researcher.id, via: "token" });
    expect(await getActor(new Headers({ authorization: `Bearer ${token}x` }))).toBeNull();
    expect(await getActor(new Headers())).toBeNull();
  });
});
