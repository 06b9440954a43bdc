import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { badUploads } from "../test/images";
import { ADMIN, ANNOTATOR } from "./users";

test.describe("as admin", () => {
  test.use({ storageState: ADMIN.state });

  test("the seeded sample photos are visible on the dashboard after sign-in", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await expect(page.getByTestId("count-ready")).not.toHaveText("0", { timeout: 30_000 });
    const thumb = page.locator('[data-testid="image-tile"][data-status="ready"] img').first();
    await expect(thumb).toBeVisible();
    // The thumbnail really decoded in the browser.
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByTestId("queue-ingest")).toContainText("running");
  });

  test("uploading a photo shows progress and the processed image on the dashboard", async ({ page }) => {
    // A real photo made unique for this run, so it is not a duplicate of a seeded one.
    const sharp = (await import("sharp")).default;
    const bytes = await sharp(readFileSync("public/samples/honey-bee.jpg")).rotate(90).jpeg({ quality: 80 }).toBuffer();
    await page.goto("/upload");
    await page.getByTestId("file-input").setInputFiles({ name: "bee-rotated.jpg", mimeType: "image/jpeg", buffer: bytes });
    const row = page.getByTestId("upload-row").filter({ hasText: "bee-rotated.jpg" });
    await expect(row).toHaveAttribute("data-state", "ready", { timeout: 30_000 });
    await page.goto("/");
    await expect(page.locator('[data-testid="image-tile"][data-status="ready"]').filter({ hasText: "bee-rotated.jpg" })).toBeVisible();
  });

  test("bad files each get a clear per-file error and nothing is stored", async ({ page, request }) => {
    const before = await (await request.get("/api/v1/dashboard")).json();
    await page.goto("/upload");
    const files = badUploads().map((b) => ({
      name: b.name,
      mimeType: b.name.endsWith(".png") ? "image/png" : "image/jpeg",
      buffer: Buffer.from(b.bytes),
    }));
    await page.getByTestId("file-input").setInputFiles(files);
    const expected: Record<string, RegExp> = {
      "empty.jpg": /empty/i,
      "notes.jpg": /not an image/i,
      "truncated.jpg": /corrupt|truncated/i,
      "bomb.png": /30000\s*[×x]\s*30000|too large|limit/i,
    };
    for (const [name, message] of Object.entries(expected)) {
      const row = page.getByTestId("upload-row").filter({ hasText: name });
      await expect(row).toHaveAttribute("data-state", "error");
      await expect(row.getByTestId("upload-error")).toHaveText(message);
    }
    const after = await (await request.get("/api/v1/dashboard")).json();
    expect(after.counts.images).toEqual(before.counts.images);
  });
});

test.describe("user administration", () => {
  test("an admin creates a reviewer who can then sign in with the reviewer role", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: ADMIN.state });
    const page = await admin.newPage();
    const email = `rev-${Date.now()}@e2e.local`;
    await page.goto("/admin/users");
    await page.getByRole("button", { name: "Create user" }).click();
    const dialog = page.getByRole("dialog", { name: "Create user" });
    await dialog.getByLabel("Name").fill("Rita Reviewer");
    await dialog.getByLabel("Email").fill(ADMIN.email); // taken: the server refuses it
    await dialog.getByLabel(/Initial password/).fill("a-good-password");
    await dialog.getByLabel("Role").selectOption("reviewer");
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(dialog.getByRole("alert")).toContainText(/already exists/);
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Create" }).click();
    await expect(page.getByTestId(`user-${email}`)).toBeVisible();
    await admin.close();

    const fresh = await browser.newContext();
    const login = await fresh.newPage();
    await login.goto("/login");
    await login.getByLabel("Email").fill(email);
    await login.getByLabel("Password").fill("a-good-password");
    await login.getByRole("button", { name: "Sign in" }).click();
    await expect(login.getByTestId("current-user")).toHaveText(`${email} · reviewer`);
    await login.goto("/upload");
    await expect(login).toHaveURL(/\/forbidden/);
    await fresh.close();
  });

  test("a wrong password shows an error and no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});

test.describe("as annotator", () => {
  test.use({ storageState: ANNOTATOR.state });

  test("cannot open an admin page or upload", async ({ page, request }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/forbidden/);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    const res = await request.post("/api/v1/images", {
      multipart: { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: readFileSync("public/samples/coffee.jpg") } },
    });
    expect(res.status()).toBe(403);
  });
});

test.describe("anonymous", () => {
  test("pages redirect to the login page and APIs answer 401", async ({ page, request }) => {
    for (const path of ["/", "/upload", "/admin/users", "/corpus", "/images"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
    }
    for (const path of ["/api/v1/images", "/api/v1/dashboard", "/api/v1/images/" + "0".repeat(64) + "/thumbnail"]) {
      expect((await request.get(path)).status()).toBe(401);
    }
    expect((await request.post("/api/v1/images")).status()).toBe(401);
  });
});
