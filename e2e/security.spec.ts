import { expect, test } from "@playwright/test";
import { ADMIN } from "./users";

test("every response carries the security headers", async ({ request }) => {
  for (const path of ["/login", "/api/health"]) {
    const headers = (await request.get(path)).headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  }
});

test("after sign-in, a next parameter that a browser reads as another origin lands on the home page", async ({ page }) => {
  await page.goto("/login?next=" + encodeURIComponent("/\\evil.example/x"));
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");
});

test.describe("upload limits", () => {
  test.use({ storageState: ADMIN.state });

  test("bodies above the proxy's 10 MB reach the route, and a body above the import limit is refused with that limit", async ({
    request,
  }) => {
    const junk = Buffer.alloc(12 * 1024 * 1024, 1);
    const image = await request.post("/api/v1/images", { multipart: { file: { name: "big.jpg", mimeType: "image/jpeg", buffer: junk } } });
    expect(image.status()).toBe(422); // judged as a file (not an image), not cut off by a proxy
    const tooBig = await request.post("/api/v1/corpus/imports", {
      multipart: { files: { name: "a.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(41 * 1024 * 1024) }, paths: '["a.jpg"]' },
    });
    expect(tooBig.status()).toBe(413);
    expect((await tooBig.json()).error.message).toMatch(/40 MB limit/);
  });
});

test("a spoofed X-Forwarded-For does not change the address a session is recorded from (no TRUST_PROXY)", async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.post("/api/auth/sign-in/email", {
    data: { email: ADMIN.email, password: ADMIN.password },
    headers: { origin: baseURL!, "x-forwarded-for": "6.6.6.6" },
  });
  expect(res.status()).toBe(200);
  const sessions = (await (await api.get("/api/auth/list-sessions")).json()) as { ipAddress: string | null }[];
  expect(sessions.length).toBeGreaterThan(0);
  // Loopback: 127.0.0.1, or ::1 which better-auth stores as its /64 prefix (all zeros).
  for (const s of sessions) expect(s.ipAddress).toMatch(/^(127\.0\.0\.1|::1|0000(:0000){7})$/);
  await api.dispose();
});
