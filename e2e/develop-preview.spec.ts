import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { renderImage } from "../lib/develop";
import { parseEdit } from "../lib/edits";
import { ADMIN } from "./users";

test.use({ storageState: ADMIN.state });

const EDIT = "{exposure=+0.6; contrast=25; highlights=-40; shadows=30; whites=10; vibrance=20; saturation=-5; temperature=15; clarity=20}";

/** Share of pixels within 1/255 of the Node render of `edit` on the same lossless preview. */
async function parityWithNode({ page, request, sha, edit }: { page: Page; request: APIRequestContext; sha: string; edit: string }) {
  const base64Pixels = (c: HTMLCanvasElement) => {
    const { data } = c.getContext("2d")!.getImageData(0, 0, c.width, c.height);
    let binary = "";
    for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const browser = Buffer.from(await page.getByTestId("develop-canvas").evaluate(base64Pixels), "base64");
  // What the viewer shows (its After pane, drawn from the same frame) holds the same bytes.
  const shown = Buffer.from(await page.getByTestId("image-viewer").locator('canvas[data-pane="1"]').evaluate(base64Pixels), "base64");
  expect(shown.equals(browser)).toBe(true);

  const png = await (await request.get(`/api/v1/images/${sha}/preview-png`)).body();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const node = renderImage({ image: { data, width: info.width, height: info.height, channels: 4 }, params: parseEdit(edit).params }).image
    .data;

  expect(browser.length).toBe(node.length);
  let within = 0;
  let maxDiff = 0;
  const pixels = browser.length / 4;
  for (let p = 0; p < pixels; p++) {
    const i = p * 4;
    const d = Math.max(Math.abs(browser[i] - node[i]), Math.abs(browser[i + 1] - node[i + 1]), Math.abs(browser[i + 2] - node[i + 2]));
    if (d <= 1) within++;
    maxDiff = Math.max(maxDiff, d);
  }
  console.log(`parity: ${((within / pixels) * 100).toFixed(4)}% of ${pixels} pixels within 1/255, max diff ${maxDiff}`);
  return within / pixels;
}

test("the browser preview (Web Worker) matches the Node render within 1/255 on 99.9% of pixels", async ({ page, request }) => {
  const list = await (await request.get("/api/v1/images?status=ready&limit=1")).json();
  const sha: string = list.items[0].sha256;
  await page.goto(`/develop?image=${sha}&params=${encodeURIComponent(EDIT)}`);
  await expect(page.getByTestId("develop-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  expect(await parityWithNode({ page, request, sha, edit: EDIT })).toBeGreaterThanOrEqual(0.999);
});

test("after a mouse drag (reduced-size drafts) the released 1600 px preview is the full-resolution render", async ({ page, request }) => {
  const list = await (await request.get("/api/v1/images?status=ready&limit=100")).json();
  const sha: string = (list.items as { sha256: string; originalName: string | null }[]).find(
    (i) => i.originalName === "honey-bee.jpg",
  )!.sha256;
  await page.goto(`/develop?image=${sha}&params=${encodeURIComponent("{clarity=20; vibrance=15}")}`);
  const canvas = page.getByTestId("develop-canvas");
  await expect(canvas).toHaveAttribute("data-state", "done", { timeout: 30_000 });

  const box = (await page.getByLabel(/^Exposure/).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + box.width * (0.5 + 0.01 * i), y);
  await page.mouse.up();
  await expect(canvas).toHaveAttribute("data-state", "done");
  // While the pointer moved, reduced-size drafts were drawn (scaled up onto the canvas).
  const drafts = await page.evaluate(() =>
    (window as unknown as { __developFrames: { draft: boolean; renderedWidth: number }[] }).__developFrames.filter((f) => f.draft),
  );
  expect(drafts.length).toBeGreaterThan(0);
  expect(Math.max(...drafts.map((f) => f.renderedWidth))).toBeLessThan(1600);
  expect(await canvas.evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`)).toBe("1600x1264");

  const edit = (await page.getByTestId("develop-edit-text").textContent())!;
  expect(edit).toMatch(/exposure=\+/);
  expect(await parityWithNode({ page, request, sha, edit })).toBeGreaterThanOrEqual(0.999);
});

test("moving a slider with the keyboard re-renders the preview", async ({ page }) => {
  await page.goto("/develop");
  const canvas = page.getByTestId("develop-canvas");
  await expect(canvas).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  const before = Number(await canvas.getAttribute("data-render-id"));
  const slider = page.getByLabel(/^Exposure/);
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByTestId("develop-edit-text")).toContainText("exposure=+0.25"); // arrow step 0.05 EV
  await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByTestId("develop-edit-text")).toContainText("exposure=+0.75"); // Shift: 0.5 EV
  await expect.poll(async () => Number(await canvas.getAttribute("data-render-id"))).toBeGreaterThan(before);
  await expect(canvas).toHaveAttribute("data-state", "done");
});
