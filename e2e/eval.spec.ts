import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN } from "./users";

// An eval run of the built-in heuristic policy on the seeded sample benchmark:
// started from the UI, watched as it progresses, its workers killed mid-run
// (scripts/e2e-server.sh restarts them), finished without rescoring an item,
// then read on the leaderboard with intervals and drilled into.
const WORKER_PID_FILE = `/tmp/riq-e2e-workers-${process.env.E2E_PORT ?? 3100}.pid`;

type ItemsBody = {
  run: { status: string; completed: number; total: number };
  items: { item: { id: string }; result: { id: string; scoredAt: string } | null }[];
};
const itemsOf = async (request: APIRequestContext, runId: string) =>
  (await (await request.get(`/api/v1/eval/runs/${runId}/items`)).json()) as ItemsBody;

test.describe("evaluation", () => {
  test.use({ storageState: ADMIN.state, viewport: { width: 1440, height: 900 } });

  test("a heuristic eval run survives a worker restart and lands on the leaderboard with intervals", async ({ page, request }) => {
    test.setTimeout(180_000);
    await page.goto("/evaluation");
    await expect(page.getByRole("link", { name: /Sample benchmark/ })).toHaveAttribute("aria-current", "page");
    await page.getByLabel("Policy").selectOption("heuristic");
    await page.getByRole("button", { name: "Start run" }).click();
    await expect(page.getByRole("status")).toContainText("Run started: 6 items queued");

    const run = page.getByTestId("eval-run").first();
    const runId = (await run.getByRole("link").getAttribute("href"))!.split("/").pop()!;
    // Progress shows in the UI while the run is under way.
    await expect(run).toHaveAttribute("data-completed", /^[1-5]$/, { timeout: 60_000 });
    const before = await itemsOf(request, runId);
    const finished = before.items.filter((i) => i.result);
    expect(finished.length).toBeGreaterThan(0);
    expect(before.run.completed).toBeLessThan(before.run.total); // really mid-run

    // Crash the workers (SIGKILL: no graceful finish); the loop in e2e-server.sh starts new ones.
    const pid = Number(readFileSync(WORKER_PID_FILE, "utf8"));
    expect(pid).toBeGreaterThan(1);
    process.kill(pid, "SIGKILL");

    await expect(run).toHaveAttribute("data-status", "done", { timeout: 120_000 });
    await expect(run.getByTestId("eval-run-progress")).toHaveText("6 / 6");
    const after = await itemsOf(request, runId);
    expect(after.items.every((i) => i.result)).toBe(true);
    expect(after.run.completed).toBe(6); // one row per item, counted once
    // Items finished before the crash were never rescored: same row, same timestamp.
    for (const f of finished) {
      const again = after.items.find((i) => i.item.id === f.item.id)!;
      expect(again.result).toEqual(expect.objectContaining({ id: f.result!.id, scoredAt: f.result!.scoredAt }));
    }

    const board = page.getByTestId("leaderboard");
    await expect(board).toHaveAttribute("data-layout", "table1");
    const row = board.getByTestId("leaderboard-row").filter({ hasText: runId.slice(0, 8) });
    await expect(row).toContainText("heuristic-policy");
    await expect(row.locator('[data-metric="overall.l1"] [data-testid="ci"]')).toHaveText(/^\[\d\.\d{4}, \d\.\d{4}\]$/);
    await expect(board.getByRole("columnheader", { name: "Quality" })).toBeVisible();

    // Drill-down: the run's items, then one item with its images and the judge's reasoning.
    await run.getByRole("link", { name: "heuristic-policy" }).click();
    await expect(page.getByTestId("eval-item-row")).toHaveCount(6);
    await page.getByTestId("eval-item-row").first().getByRole("link").click();
    await expect(page.getByText("Reference (target)").first()).toBeVisible();
    await expect(page.getByText(/Output \(heuristic-policy/).first()).toBeVisible();
    await expect(page.getByTestId("item-scores")).toContainText("SC / PQ / O");
    await expect(page.getByText(/Judge reasoning/)).toBeVisible();
    // Source, reference and the rendered output all load (the output through the eval route).
    const images = page.locator("img");
    await expect(images).toHaveCount(3);
    await expect.poll(() => images.evaluateAll((all) => all.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)).toBe(3);
    await page.screenshot({ path: "test-results/eval-item-1440.png", fullPage: true });

    // The leaderboard fits a phone without sideways scrolling (the table scrolls in its own box).
    await page.goto("/evaluation");
    await page.screenshot({ path: "test-results/evaluation-1440.png", fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByTestId("leaderboard")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: "test-results/evaluation-390.png", fullPage: true });
  });
});
