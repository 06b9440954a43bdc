import { expect, test, type Browser } from "@playwright/test";
import { ADMIN } from "./users";

async function signIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return { context, page };
}

test("an admin changes a role, disables, re-enables, resets the password and ends a session; each takes effect at once", async ({
  browser,
}) => {
  const email = `dana-${Date.now()}@e2e.local`;
  const admin = await (await browser.newContext({ storageState: ADMIN.state })).newPage();
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "Create user" }).click();
  const create = admin.getByRole("dialog", { name: "Create user" });
  await create.getByLabel("Name").fill("Dana");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel(/Initial password/).fill("dana-password-1");
  await create.getByRole("button", { name: "Create" }).click();
  const row = admin.getByTestId(`user-${email}`);
  await expect(row).toBeVisible();

  const dana = await signIn(browser, email, "dana-password-1");
  await expect(dana.page.getByTestId("current-user")).toHaveText(`${email} · annotator`);

  await row.getByLabel(`Role of ${email}`).selectOption("reviewer");
  // The saved change is confirmed by its toast (the select shows every role's name all along).
  await expect(admin.getByText(`${email} is now reviewer`)).toBeVisible();
  await dana.page.reload();
  await expect(dana.page.getByTestId("current-user")).toHaveText(`${email} · reviewer`);

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("disabled");
  await dana.page.reload();
  await expect(dana.page).toHaveURL(/\/login/);

  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row).not.toContainText("disabled");
  await row.getByRole("button", { name: "Reset password" }).click();
  const shown = admin.getByRole("dialog", { name: `One-time password for ${email}` });
  const oneTime = (await shown.getByTestId("one-time-password").textContent())!.trim();
  await shown.getByRole("button", { name: "Done" }).click();
  const again = await signIn(browser, email, oneTime);
  await expect(again.page.getByTestId("current-user")).toHaveText(`${email} · reviewer`);

  await row.getByRole("button", { name: "Sessions & tokens" }).click();
  const panel = admin.getByRole("dialog", { name: `Sessions and API tokens of ${email}` });
  await expect(panel).toContainText("Sessions (1)");
  await panel.getByRole("button", { name: "End" }).click();
  await expect(panel).toContainText("Sessions (0)");
  await again.page.reload();
  await expect(again.page).toHaveURL(/\/login/);
  await dana.context.close();
  await again.context.close();

  // The page works at desktop and phone widths without sideways scrolling.
  await panel.getByRole("button", { name: "Close" }).click();
  for (const width of [1440, 390]) {
    await admin.setViewportSize({ width, height: 900 });
    await admin.screenshot({ path: test.info().outputPath(`admin-users-${width}.png`), fullPage: true });
    expect(await admin.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  }
});
