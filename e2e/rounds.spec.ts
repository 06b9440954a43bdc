import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN } from "./users";

/** The committed sample photos with their hand-written sidecars (as in corpus.spec). */
function lightroomExport() {
  return readdirSync("test/fixtures/corpus/edits")
    .filter((f) => f.endsWith(".xmp"))
    .flatMap((xmp) => {
      const name = xmp.replace(/\.xmp$/, "");
      return [
        { name: `${name}.jpg`, mimeType: "image/jpeg", buffer: readFileSync(`public/samples/${name}.jpg`) },
        { name: xmp, mimeType: "application/rdf+xml", buffer: readFileSync(`test/fixtures/corpus/edits/${xmp}`) },
      ];
    });
}

test.describe("rounds as admin", () => {
  test.use({ storageState: ADMIN.state });
  test.setTimeout(420_000);

  test("two complete rounds with the compact trainer through the local backend; /rounds shows both rounds' accuracies with intervals", async ({
    page,
  }) => {
    // A corpus with instructions (the heuristic annotator writes them), frozen as a snapshot.
    await page.goto("/corpus/import");
    await page.getByTestId("files-input").setInputFiles(lightroomExport());
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page.getByTestId("import-report")).toHaveAttribute("data-status", "done", { timeout: 90_000 });
    await expect
      .poll(
        async () => {
          await page.goto("/corpus");
          return page.locator('[data-testid="corpus-row"][data-status="in_review"]').count();
        },
        { timeout: 90_000 },
      )
      .toBeGreaterThan(2);
    await page.getByLabel("Snapshot name").fill("rounds e2e");
    await page.getByRole("button", { name: "Snapshot this selection" }).click();
    await expect(page.getByRole("status").filter({ hasText: /snapshot/i })).toBeVisible();

    await page.goto("/rounds");
    const snapshotSelect = page.getByLabel("Snapshot for the first round");
    await snapshotSelect.selectOption((await snapshotSelect.locator("option", { hasText: "rounds e2e" }).first().getAttribute("value"))!);
    await page.getByLabel("Samples per round").fill("6");
    await page.getByLabel("Trainer").selectOption("compact");
    for (const n of [1, 2]) {
      await page.getByRole("button", { name: `Start round ${n}` }).click();
      const row = page.getByTestId(`round-${n}`);
      await expect(row.locator('[data-step="evaluate"]')).toHaveAttribute("data-status", "done", { timeout: 180_000 });
      await expect(row).toContainText("done");
      // Every step ran, and the compact trainer left its log; its checkpoints are served models now.
      await expect(row.locator('[data-status="done"]')).toHaveCount(8);
      await expect(row.locator("details").first()).toContainText("succeeded");
      await expect(row.locator("details").first()).toContainText(n === 1 ? "rm_sft/loss" : "rm_pgrt/loss");
      await expect(row.getByText(/^reward-r\d+-\w+-compact$/)).toBeVisible();
      await expect(row.getByText(/^policy-r\d+-\w+-compact$/)).toBeVisible();
    }

    for (const n of [1, 2]) {
      const row = page.getByTestId(`round-${n}`);
      for (const set of n === 1 ? ["perturbed", "gold"] : ["perturbed", "policy", "gold"]) {
        await expect(row.locator(`[data-set="${set}"]`)).toHaveText(
          new RegExp(`${set} \\d+\\.\\d% \\(\\d+\\.\\d%–\\d+\\.\\d%, n=\\d+\\) · random 50% · bigger change \\d+\\.\\d%`),
        );
      }
    }
    const chart = page.getByRole("img", { name: "Reward-model accuracy and policy score per round" });
    await expect(chart.locator("g[data-round]")).toHaveCount(2);
    await expect(chart.locator("g[data-round='2'] circle")).toHaveCount(3);

    // The round's reward-model export downloads, and resumes from an offset.
    const manifestHref = await page.getByTestId("round-1").locator("a").first().getAttribute("href");
    const manifest = await page.request.get(manifestHref!);
    expect(manifest.status()).toBe(200);
    const body = await manifest.json();
    const data = body.files.find((f: { path: string }) => !f.path.startsWith("images/"));
    const part = await page.request.get(manifestHref!.replace("manifest.json", data.path), { headers: { range: "bytes=5-" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toBe(`bytes 5-${data.size - 1}/${data.size}`);

    // The reward service answers through its real route (a session here; trainers use a `reward` token): bad items score 0, flagged.
    const reward = await page.request.post("/api/v1/rewards/policy:batch", {
      data: { items: [{ sample_id: "not-a-sample", response: "<answer>{oops</answer>" }] },
    });
    expect(reward.status()).toBe(200);
    expect((await reward.json()).results).toEqual([expect.objectContaining({ sample_id: "not-a-sample", overall: 0, parse_ok: false })]);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
      await page.screenshot({ path: `test-results/rounds-${width}.png`, fullPage: true });
    }
  });
});
