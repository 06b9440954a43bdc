import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN } from "./users";

test.use({ storageState: ADMIN.state });

/** A trajectory id: the first in the corpus, else one imported through the API (a photo + its sidecar). */
async function someTrajectory(request: APIRequestContext): Promise<string> {
  const list = async () => (await (await request.get("/api/v1/corpus/trajectories")).json()).items as { id: string }[];
  const existing = await list();
  if (existing.length > 0) return existing[0].id;
  const form = new FormData();
  form.append("files", new Blob([readFileSync("public/samples/astronaut.jpg")], { type: "image/jpeg" }), "astronaut.jpg");
  form.append(
    "files",
    new Blob([readFileSync("test/fixtures/corpus/edits/astronaut.xmp")], { type: "application/rdf+xml" }),
    "astronaut.xmp",
  );
  form.append("paths", JSON.stringify(["astronaut.jpg", "astronaut.xmp"]));
  const res = await request.post("/api/v1/corpus/imports", { multipart: form });
  expect(res.status(), await res.text()).toBe(202);
  await expect.poll(async () => (await list()).length, { timeout: 60_000 }).toBeGreaterThan(0);
  return (await list())[0].id;
}

test("open a trajectory in Develop, change a slider, save a new edit; the URL round-trips the edit", async ({ page, request }) => {
  const id = await someTrajectory(request);
  await page.goto(`/develop?trajectory=${id}`);
  const canvas = page.getByTestId("develop-canvas");
  await expect(canvas).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(page.getByTestId("develop-trajectory")).toContainText(id.slice(0, 8));
  // The shared viewer shows the untouched photo and the live preview: wipe starts on "After", 1:1 and flicker are there.
  const viewer = page.getByTestId("image-viewer");
  await expect(viewer).toHaveAttribute("data-mode", "wipe");
  await expect(viewer.getByTestId("wipe-right-label")).toHaveText("After (live preview)");
  await expect.poll(() => viewer.locator('canvas[data-pane="1"]').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
  await viewer.getByRole("slider", { name: /Wipe/ }).fill("50");
  await expect(viewer.getByTestId("wipe-left-label")).toHaveText("Before (original)");
  await viewer.getByRole("button", { name: "1:1" }).click();
  await expect(viewer.getByTestId("viewer-zoom")).toHaveText(/^100%$/);
  await viewer.getByRole("button", { name: "Fit" }).click();

  const slider = page.getByLabel(/^Shadows/);
  await slider.focus();
  await page.keyboard.press("Shift+ArrowRight"); // Shift: a large step (10)
  await page.keyboard.press("ArrowRight"); // then a small one (1)
  const shadows = Number(await slider.inputValue());
  // The URL catches up once input pauses.
  await expect.poll(() => new URL(page.url()).searchParams.get("params") ?? "").toContain(`shadows=${shadows > 0 ? "+" : ""}${shadows}`);

  // Copy as RetouchIQ text / JarvisArt JSON, and the XMP download, carry the same edit.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy RetouchIQ" }).click();
  await expect(page.getByTestId("develop-notice")).toHaveText("Copied as RetouchIQ text");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`shadows=${shadows > 0 ? "+" : ""}${shadows}`);
  await page.getByRole("button", { name: "Copy JarvisArt" }).click();
  expect(JSON.parse((await page.evaluate(() => navigator.clipboard.readText())).match(/<answer>(.*)<\/answer>/s)![1]).Shadows2012).toBe(
    shadows,
  );
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "XMP" }).click()]);
  expect(download.suggestedFilename()).toBe(`trajectory-${id.slice(0, 8)}.xmp`);
  expect(readFileSync(await download.path(), "utf8")).toMatch(new RegExp(`crs:Shadows2012="\\+?${shadows}"`));

  const savedBefore = Number((await page.getByTestId("develop-trajectory").textContent())?.match(/(\d+) saved edit/)?.[1] ?? 0);
  await page.getByTestId("develop-save").click();
  await expect(page.getByTestId("develop-notice")).toContainText(`Saved as edit v${savedBefore + 1}`);

  // Reload from the URL: same trajectory, same slider value, and the saved edit is on the trajectory.
  await page.goto(page.url());
  await expect(page.getByLabel(/^Shadows/)).toHaveValue(String(shadows));
  await expect(page.getByTestId("develop-trajectory")).toContainText(`${savedBefore + 1} saved edit`);
  // The new edit is on the trajectory's corpus page, and opens back in Develop with its values.
  await page.goto(`/corpus/${id}`);
  const saved = page.getByTestId("saved-edit").filter({ hasText: `v${savedBefore + 1}` });
  await expect(saved).toContainText(/shadows/i);
  await saved.getByRole("link", { name: `v${savedBefore + 1}` }).click();
  await expect(page.getByLabel(/^Shadows/)).toHaveValue(String(shadows));
  // The status line first: if the render fails, the failure shows the reason it gives.
  await expect(page.getByTestId("develop-status")).toHaveText(/^rendered in \d+ ms$/, { timeout: 30_000 });
  await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: "test-results/develop-1440.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/develop-390.png", fullPage: true });
});
