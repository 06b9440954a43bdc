import { expect, test, type Page } from "@playwright/test";
import { ADMIN, ANNOTATOR2 } from "./users";

/**
 * Moves Highlights by 30 (away from 0, or toward it from near the end of the range, so the new
 * value is never 0, which an edit leaves out) and returns the new value.
 */
async function changeHighlights(page: Page): Promise<number> {
  const slider = page.getByLabel(/^Highlights/);
  const before = Number(await slider.inputValue());
  const away = before >= 0 ? 1 : -1;
  const dir = Math.abs(before) > 70 ? -away : away;
  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press(dir > 0 ? "Shift+ArrowRight" : "Shift+ArrowLeft"); // 3 × 10
  const after = before + 30 * dir;
  await expect(slider).toHaveValue(String(after));
  await expect
    .poll(() => decodeURIComponent(new URL(page.url()).searchParams.get("params") ?? ""))
    .toContain(`highlights=${after > 0 ? "+" : ""}${after}`);
  return after;
}

test.describe.serial("pair candidates in Develop", () => {
  let candidateId = "";

  test("a researcher opens a pair's candidate in Develop, edits it and saves a human fix", async ({ browser }) => {
    const context = await browser.newContext({ storageState: ADMIN.state });
    const page = await context.newPage();
    await page.goto("/compare/researcher");
    const link = page.getByRole("link", { name: "Open the strong candidate of this pair in Develop" }).first();
    candidateId = new URL((await link.getAttribute("href"))!, "http://x").searchParams.get("candidate")!;
    await link.click();
    await expect(page.getByTestId("develop-candidate")).toContainText(candidateId.slice(0, 8));
    await expect(page.getByTestId("develop-candidate")).toContainText("Instruction:");
    await expect(page.getByTestId("develop-candidate").locator("p").first()).toHaveText(
      /^Candidate [0-9a-f]{8} · (user|perturber|policy|human_fix)/,
    ); // researchers see the origin
    await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    const highlights = await changeHighlights(page);
    // The URL carries the candidate and the edit: a reload comes back to the same values.
    await page.goto(page.url());
    await expect(page.getByLabel(/^Highlights/)).toHaveValue(String(highlights));
    await expect(page.getByTestId("develop-candidate")).toContainText(candidateId.slice(0, 8));
    await page.getByTestId("develop-save").click();
    await expect(page.getByTestId("develop-notice")).toContainText("Saved as a fix");
    await page.goto("/compare/researcher?origin=human_fix");
    await expect(page.locator('[data-testid="pair-list"] tr[data-origin="human_fix"]').first()).toBeVisible();
    await context.close();
  });

  test("an annotator opens a candidate only after voting on its pair, and never sees its origin", async ({ browser }) => {
    const context = await browser.newContext({ storageState: ANNOTATOR2.state });
    const page = await context.newPage();
    await page.goto(`/develop?candidate=${candidateId}`);
    await expect(page.getByTestId("develop-open-error")).toContainText("once you have voted");
    await expect(page.getByTestId("develop-candidate")).toHaveCount(0);

    await page.goto("/compare");
    await expect(page.getByTestId("compare-workspace")).toBeVisible();
    await page.keyboard.press("a");
    await expect(page.getByTestId("compare-reveal")).toBeVisible();
    await page.getByTestId("open-candidate-in-develop").click(); // "a" picks a side, so there is a better candidate
    const panel = page.getByTestId("develop-candidate");
    await expect(panel).toContainText("Instruction:");
    // The candidate line is only its id: nothing about where the edit came from.
    await expect(panel.locator("p").first()).toHaveText(/^Candidate [0-9a-f]{8}$/);
    await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: "test-results/develop-candidate-1440.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/develop-candidate-390.png", fullPage: true });
    await context.close();
  });
});
