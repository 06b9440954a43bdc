// bench:preview — frame timestamps of the Develop page's live preview in Debian chromium against
// the production build: first render, fps during a scripted 3 s slider drag, ms from the last
// input to the final (full-size) frame, ms from one key press to new pixels.
import { writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "../../e2e/users";

test.use({ storageState: ADMIN.state });

const frames = (page: Page) => page.evaluate(() => [...((window as unknown as { __developFrames?: number[] }).__developFrames ?? [])]);

test("develop preview frame rate", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/develop");
  const canvas = page.getByTestId("develop-canvas");
  await expect(canvas).toHaveAttribute("data-state", "done", { timeout: 60_000 });
  const first = (await frames(page))[0];
  const size = await canvas.evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`);

  // A 3 s drag across the Exposure slider, one move every 25 ms.
  const slider = page.getByLabel(/^Exposure/);
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  const dragStart = await page.evaluate(() => performance.now());
  const steps = 120;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(box.x + box.width * (0.5 + 0.3 * Math.sin((i / steps) * Math.PI * 2)), y);
    await page.waitForTimeout(25);
  }
  const dragEnd = await page.evaluate(() => performance.now());
  await page.mouse.up();
  await expect(canvas).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  const afterDrag = await frames(page);
  const during = afterDrag.filter((t) => t >= dragStart && t <= dragEnd).length;
  const lastInputToFinalMs = afterDrag[afterDrag.length - 1] - dragEnd;

  // One key press → new pixels (median of 5).
  const keyTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    await slider.focus();
    const n = (await frames(page)).length;
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press(i % 2 ? "ArrowLeft" : "ArrowRight");
    await expect.poll(async () => (await frames(page)).length, { timeout: 10_000 }).toBeGreaterThan(n);
    keyTimes.push((await frames(page))[n] - t0);
    await expect(canvas).toHaveAttribute("data-state", "done");
  }
  keyTimes.sort((a, b) => a - b);
  const result = {
    previewSize: size,
    firstRenderMs: Math.round(first),
    previewDragFps: Number(((during * 1000) / (dragEnd - dragStart)).toFixed(1)),
    lastInputToFinalMs: Math.round(lastInputToFinalMs),
    keyToPixelsMs: Math.round(keyTimes[2]),
  };
  writeFileSync(process.env.PREVIEW_BENCH_OUT ?? "/tmp/riq-preview-bench.json", JSON.stringify(result));
});
