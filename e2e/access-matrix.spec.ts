import { randomUUID } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { isAllowed, PAGES } from "../lib/auth/access-policy";
import { ADMIN, E2E_PASSWORD } from "./users";

// Every page in the policy registry × anonymous and each role, through the production server.
const ROLES = ["annotator", "reviewer", "researcher", "admin"] as const;
const emailOf = (role: (typeof ROLES)[number]) => (role === "admin" ? ADMIN.email : `${role}@retouchiq.local`);
const concrete = (path: string) => path.replace(/\[(\w+)\]/g, () => randomUUID());

test("every page answers each role as the access policy says", async ({ baseURL }) => {
  for (const role of [null, ...ROLES]) {
    const api = await playwrightRequest.newContext({ baseURL });
    if (role) {
      const res = await api.post("/api/auth/sign-in/email", {
        data: { email: emailOf(role), password: E2E_PASSWORD },
        headers: { origin: baseURL! },
      });
      expect(res.status(), `sign in as ${role}`).toBe(200);
    }
    for (const [path, allow] of Object.entries(PAGES)) {
      const res = await api.get(concrete(path), { maxRedirects: 0 });
      const location = res.headers()["location"] ?? "";
      const outcome = /\/login/.test(location)
        ? "login"
        : /\/forbidden/.test(location)
          ? "forbidden"
          : res.status() < 500
            ? "allowed"
            : `error ${res.status()}`;
      const expected = isAllowed(allow, role && { role, via: "session" }) ? "allowed" : role === null ? "login" : "forbidden";
      expect(outcome, `${path} as ${role ?? "anonymous"} (${res.status()} ${location})`).toBe(expected);
    }
    await api.dispose();
  }
});
