import { expect, test } from "@playwright/test";
import { startWireServer, type WireServer } from "../test/openai-wire-server";
import { ADMIN, ANNOTATOR } from "./users";

// The models admin page against a loopback OpenAI-wire server the app can reach.
let server: WireServer;
test.beforeAll(async () => {
  server = await startWireServer({ servedModels: ["grm-e2e"] });
});
test.afterAll(async () => {
  await server.close();
});

test.describe("models admin", () => {
  test.use({ storageState: ADMIN.state });

  test("an admin adds a model, tests its connection, activates it, and never sees its key again", async ({ page }) => {
    const name = `grm-${Date.now()}`;
    await page.goto("/admin/users");
    await page.getByRole("link", { name: "Models" }).click();
    await expect(page.getByRole("heading", { name: "Models" })).toBeVisible();

    await page.getByRole("button", { name: "Add model" }).click();
    const dialog = page.getByRole("dialog", { name: "Add model" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Role", { exact: true }).selectOption("reward");
    await dialog.getByLabel("Endpoint (base URL with /v1)").fill(server.url);
    await dialog.getByLabel("Served model name").fill("grm-e2e");
    await dialog.getByLabel("API key (stored encrypted)").fill("sk-e2e-super-secret");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText("stored (encrypted)");
    await expect(row).toContainText("inactive");
    expect(await page.content()).not.toContain("sk-e2e-super-secret");

    await row.getByRole("button", { name: "Test connection" }).click();
    await expect(row.getByRole("status")).toContainText("Connected");

    await row.getByRole("button", { name: "Activate" }).click();
    await expect(row).toContainText("active");
    await expect(page.getByRole("list", { name: "Models in use" })).toContainText(`reward: ${name}`);

    await row.getByRole("button", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: `Edit ${name}` });
    await expect(edit.getByLabel("API key (stored; leave empty to keep)")).toHaveValue("");
    await edit.getByRole("button", { name: "Cancel" }).click();

    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("list", { name: "Models in use" })).toContainText("reward: built-in heuristic");
  });

  test("an unreachable endpoint fails the connection test with a reason", async ({ page }) => {
    const name = `down-${Date.now()}`;
    await page.goto("/admin/models");
    await page.getByRole("button", { name: "Add model" }).click();
    const dialog = page.getByRole("dialog", { name: "Add model" });
    await dialog.getByLabel("Name", { exact: true }).fill(name);
    await dialog.getByLabel("Endpoint (base URL with /v1)").fill("http://127.0.0.1:9/v1");
    await dialog.getByLabel("Served model name").fill("nothing");
    await dialog.getByRole("button", { name: "Save" }).click();
    const row = page.getByRole("row").filter({ hasText: name });
    await row.getByRole("button", { name: "Test connection" }).click();
    await expect(row.getByRole("status")).toContainText("Cannot reach");
  });
});

test.describe("as annotator", () => {
  test.use({ storageState: ANNOTATOR.state });

  test("the models page is for admins only", async ({ page }) => {
    await page.goto("/admin/models");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});
