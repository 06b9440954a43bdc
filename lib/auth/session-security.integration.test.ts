import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { systemContext } from "@/lib/context";
import { appUrl } from "@/lib/config/env";
import { getAuth } from "./auth";
import { createUser } from "./create-user";
import { getActor } from "./get-actor";

const email = () => `sec-${randomUUID().slice(0, 8)}@test.local`;
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

const signIn = (address: string, password: string, forwardedFor: string) =>
  authPost(
    new Request(`${appUrl()}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl(), "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email: address, password }),
    }),
  );

describe("sessions and sign-in", () => {
  beforeAll(() => {
    process.env.AUTH_ACCOUNT_SIGNIN_LIMIT = "3";
  });

  it("sign-out ends the session on the very next request (no cookie cache)", async () => {
    const address = email();
    await createUser({ ctx: systemContext(), input: { email: address, name: "S", password: "sign-out-pass", role: "reviewer" } });
    const res = await getAuth().api.signInEmail({ body: { email: address, password: "sign-out-pass" }, asResponse: true });
    const cookie = cookieOf(res);
    expect(await getActor(new Headers({ cookie }))).toMatchObject({ email: address });
    await getAuth().api.signOut({ headers: new Headers({ cookie }) });
    expect(await getActor(new Headers({ cookie }))).toBeNull();
  });

  it("limits failed sign-ins per account even when every attempt claims a new X-Forwarded-For", async () => {
    const address = email();
    await createUser({ ctx: systemContext(), input: { email: address, name: "L", password: "the-right-one", role: "annotator" } });
    for (let i = 0; i < 3; i++) expect((await signIn(address, `guess-${i}`, `10.0.0.${i}`)).status).toBe(401);
    const blocked = await signIn(address, "the-right-one", "10.0.0.99");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await blocked.json()).message).toMatch(/Too many failed sign-ins for this account/);
    // Another account is not affected.
    const other = email();
    await createUser({ ctx: systemContext(), input: { email: other, name: "O", password: "other-right-one", role: "annotator" } });
    expect((await signIn(other, "other-right-one", "10.0.0.99")).status).toBe(200);
  });

  it("refuses a 200 KB display name with a message", async () => {
    await expect(
      createUser({
        ctx: systemContext(),
        input: { email: email(), name: "x".repeat(200_000), password: "long-name-pass", role: "annotator" },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    // Self-service renames are switched off: only admins name users.
    const address = email();
    await createUser({ ctx: systemContext(), input: { email: address, name: "N", password: "rename-pass", role: "annotator" } });
    const cookie = cookieOf(await getAuth().api.signInEmail({ body: { email: address, password: "rename-pass" }, asResponse: true }));
    const res = await authPost(
      new Request(`${appUrl()}/api/auth/update-user`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: appUrl(), cookie },
        body: JSON.stringify({ name: "x".repeat(200_000) }),
      }),
    );
    expect(res.status).toBe(404);
    expect(await getActor(new Headers({ cookie }))).toMatchObject({ name: "N" });
  });
});
