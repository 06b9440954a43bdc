import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./users";

// Every page fits a 390 px phone screen: wide content (tables, thumbnail strips) scrolls inside
// its own box instead of widening the page. Checked as the browser lays the page out from the
// server's HTML alone (scripts off: what shows before hydration) and once the page runs.
test.use({ storageState: ADMIN.state, viewport: { width: 390, height: 844 } });

const PAGES = [
  "/",
  "/review",
  "/review/stats",
  "/review/disputes",
  "/compare",
  "/compare/researcher",
  "/corpus",
  "/corpus/import",
  "/images",
  "/develop",
  "/upload",
  "/rounds",
  "/evaluation",
  "/admin/users",
  "/admin/models",
];

/** What sticks out past the right edge without a scrolling box around it, for the failure message. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean =>
      !!el && (/auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX) || scrolls(el.parentElement));
    return [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el.parentElement))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`);
  });

async function pagesToCheck(page: Page) {
  const trajectories = await (await page.request.get("/api/v1/corpus/trajectories?limit=1")).json();
  return [...PAGES, `/corpus/${trajectories.items[0].id}`];
}

for (const scripts of [true, false]) {
  test(`no page is wider than a phone screen, ${scripts ? "once its scripts have run" : "from the server's HTML alone"}`, async ({
    browser,
    page,
  }) => {
    const paths = await pagesToCheck(page);
    const context = await browser.newContext({
      storageState: ADMIN.state,
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: scripts,
    });
    const tab = await context.newPage();
    for (const path of paths) {
      const res = await tab.goto(path, { waitUntil: scripts ? "networkidle" : "load" });
      expect(res?.status(), path).toBe(200);
      await expect(tab.getByRole("main")).toBeVisible();
      const scrollWidth = await tab.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${path} is ${scrollWidth} px wide: ${(await overflowing(tab)).join(", ")}`).toBeLessThanOrEqual(390);
    }
    await context.close();
  });
}
