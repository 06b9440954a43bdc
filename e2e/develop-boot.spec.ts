import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { ADMIN } from "./users";

// How the Develop preview starts: the worker the boot script in the page's <head> starts (and the
// first frame it draws before the page hydrates), and the one the page's own script boots on a
// client-side navigation.
test.use({ storageState: ADMIN.state });

/** The 1600×1264 sample photo the seed stores. */
async function honeyBee(request: APIRequestContext) {
  const list = await (await request.get("/api/v1/images?status=ready&limit=100")).json();
  return (list.items as { sha256: string; originalName: string | null }[]).find((i) => i.originalName === "honey-bee.jpg")!;
}

/** Holds back every request matching `url` until the returned function is called. */
async function holdBack(page: Page, url: RegExp): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("with the page's scripts held back, the first frame of the opened edit shows over the viewer before hydration, then the page takes over", async ({
  page,
  request,
}) => {
  const bee = await honeyBee(request);
  const releaseScripts = await holdBack(page, /\/_next\/static\/chunks\/.*\.js$/);
  // A tablet-wide window, where the photo fills the viewer's width and so lies under its "After" label.
  await page.setViewportSize({ width: 800, height: 900 });
  const bootScript = page.waitForResponse(/\/_develop\/preview-boot\.[0-9a-f]{16}\.js$/);
  await page.goto(`/develop?image=${bee.sha256}&params=${encodeURIComponent("{exposure=+0.8}")}`, { waitUntil: "commit" });
  // An async script in <head> (it runs as soon as it is loaded, not where the parser meets it), kept by the browser for good.
  expect((await bootScript).headers()["cache-control"]).toContain("immutable");
  await expect(page.locator('head script[async][src^="/_develop/preview-boot."]')).toHaveCount(1);

  const early = page.locator("[data-develop-early-frame]");
  await expect(early).toHaveCount(1, { timeout: 20_000 });
  // Not hydrated: the picker's thumbnails wait for the first full frame, which the page draws.
  await expect(page.getByTestId("develop-thumbs").locator("img")).toHaveCount(0);
  // The worker draws on this canvas itself: its control was handed over (the page can no longer draw on it), so its pixels are read off the screen.
  expect(
    await early.evaluate((c: HTMLCanvasElement) => {
      try {
        return c.getContext("2d") === null;
      } catch {
        return true;
      }
    }),
  ).toBe(true);
  const shot = await sharp(await early.screenshot())
    .raw()
    .toBuffer({ resolveWithObject: true });
  let lit = 0;
  for (let i = 0; i < shot.data.length; i += shot.info.channels) if (shot.data[i] + shot.data[i + 1] + shot.data[i + 2] > 30) lit++;
  expect(shot.info.width).toBeGreaterThan(0);
  expect(lit / (shot.info.width * shot.info.height)).toBeGreaterThan(0.5); // a photo, not an empty canvas
  // Over the viewer's frame, inside it.
  const port = (await page.getByTestId("viewer-wipe").boundingBox())!;
  const box = (await early.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(port.x - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(port.x + port.width + 1);
  expect(box.height).toBeGreaterThan(port.height * 0.9);
  // The viewer's "After" label stays readable: the overlay has a hole where the label lies.
  const label = (await page.getByTestId("wipe-right-label").boundingBox())!;
  const clip = await early.evaluate((c) => getComputedStyle(c).clipPath);
  // path(evenodd, "M 0 0 H w V h H 0 Z M x1 y1 H x2 V y2 H x1 Z"): the overlay, then the hole.
  expect(clip).toMatch(/^path\(evenodd, /);
  const hole = clip
    .match(/-?[\d.]+/g)!
    .map(Number)
    .slice(5, 9);
  expect(hole[0] + box.x).toBeCloseTo(Math.max(label.x, box.x), 0);
  expect(hole[2] + box.x).toBeCloseTo(Math.min(label.x + label.width, box.x + box.width), 0);
  expect(hole[1] + box.y).toBeCloseTo(Math.max(label.y, box.y), 0);
  expect(hole[3] + box.y).toBeCloseTo(Math.min(label.y + label.height, box.y + box.height), 0);

  releaseScripts();
  await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(early).toHaveCount(0);
  const frames = await page.evaluate(() => (window as unknown as { __developFrames: { t: number; draft: boolean }[] }).__developFrames);
  expect(frames[0].draft).toBe(true); // the early frame, logged first
  expect(frames.some((f) => !f.draft)).toBe(true);
  expect(
    await page
      .getByTestId("image-viewer")
      .locator('canvas[data-pane="1"]')
      .evaluate((c: HTMLCanvasElement) => c.width),
  ).toBe(1600);
});

test("opened by a client-side navigation, where the page's own script boots the worker, the preview still renders", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Develop", exact: true }).click();
  await expect(page).toHaveURL(/\/develop/);
  await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  const workers = await page.evaluate(
    () => performance.getEntriesByType("mark").filter((m) => m.name === "develop-preview:worker-start").length,
  );
  expect(workers).toBe(1);
});

test("before any script runs, the server's render of the opened edit shows in the After pane; the first frame replaces it", async ({
  page,
  request,
}) => {
  const bee = await honeyBee(request);
  // The page's scripts and the preview's boot script: nothing of the page runs until released.
  const release = await holdBack(page, /\/(_next\/static\/chunks\/.*|_develop\/preview-boot\.[0-9a-f]{16})\.js$/);
  const draftResponse = page.waitForResponse(/\/develop-draft\?/);
  await page.goto(`/develop?image=${bee.sha256}&params=${encodeURIComponent("{exposure=+0.8}")}`, { waitUntil: "commit" });

  const draft = page.locator('[data-testid="viewer-wipe"] img[data-placeholder]');
  await expect(draft).toHaveCount(1);
  await expect.poll(() => draft.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 20_000 }).toBe(320);
  const response = await draftResponse;
  expect(response.headers()["content-type"]).toBe("image/jpeg");
  expect(response.headers()["cache-control"]).toContain("immutable");
  expect(decodeURIComponent(new URL(response.url()).searchParams.get("params")!)).toContain('"Exposure2012":0.8');
  // The edit is in its pixels: brighter than the stored thumbnail it was rendered from.
  const meanLuma = async (bytes: Buffer) => (await sharp(bytes).greyscale().stats()).channels[0].mean;
  const thumbnail = await (await request.get(`/api/v1/images/${bee.sha256}/thumbnail`)).body();
  expect(await meanLuma(await response.body())).toBeGreaterThan((await meanLuma(thumbnail)) + 15);
  // It fills the viewer's frame (fitted inside it by object-fit, as the viewer fits the photo).
  const port = (await page.getByTestId("viewer-wipe").boundingBox())!;
  const box = (await draft.boundingBox())!;
  expect(Math.abs(box.width - port.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(box.height - port.height)).toBeLessThanOrEqual(1);

  release();
  await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(draft).toHaveCount(0);
});

test("on a phone the viewer has its phone height in the server's HTML, so the worker's first frame shows there before hydration", async ({
  page,
  request,
}) => {
  const bee = await honeyBee(request);
  const release = await holdBack(page, /\/_next\/static\/chunks\/.*\.js$/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/develop?image=${bee.sha256}`, { waitUntil: "commit" });
  const early = page.locator("[data-develop-early-frame]");
  await expect(early).toHaveCount(1, { timeout: 20_000 });
  const before = (await page.getByTestId("viewer-wipe").boundingBox())!;
  expect(before.height).toBe(300);
  const box = (await early.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(before.y - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(before.y + before.height + 1);

  release();
  await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(early).toHaveCount(0);
  expect((await page.getByTestId("viewer-wipe").boundingBox())!.height).toBe(before.height); // no jump at hydration
});
