import { expect, test as setup } from "@playwright/test";
import { ADMIN, ANNOTATOR, ANNOTATOR2, REVIEWER } from "./users";

for (const user of [ADMIN, ANNOTATOR, ANNOTATOR2, REVIEWER]) {
  setup(`sign in as ${user.email}`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/); // anonymous → login page
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toContainText(user.email);
    await page.context().storageState({ path: user.state });
  });
}
