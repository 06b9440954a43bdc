import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN, ANNOTATOR } from "./users";

/** The committed sample photos with their hand-written sidecars: a Lightroom export. */
function lightroomExport() {
  const edits = readdirSync("test/fixtures/corpus/edits").filter((f) => f.endsWith(".xmp"));
  return edits.flatMap((xmp) => {
    const name = xmp.replace(/\.xmp$/, "");
    return [
      { name: `${name}.jpg`, mimeType: "image/jpeg", buffer: readFileSync(`public/samples/${name}.jpg`) },
      { name: xmp, mimeType: "application/rdf+xml", buffer: readFileSync(`test/fixtures/corpus/edits/${xmp}`) },
    ];
  });
}

test.describe("corpus as admin", () => {
  test.use({ storageState: ADMIN.state });

  test("importing a Lightroom export from the web reaches the review queue", async ({ page }) => {
    await page.goto("/corpus/import");
    const files = lightroomExport();
    await page.getByTestId("files-input").setInputFiles(files);
    await expect(page.getByTestId("picked-count")).toHaveText(`${files.length} files selected`);
    await page.getByRole("button", { name: "Start import" }).click();
    const report = page.getByTestId("import-report");
    await expect(report).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    // A second web import of the same photos would be duplicates; this run's DB is fresh, so all 6 are new.
    await expect(report).toContainText("imported 6");
    await expect(report).toContainText("failed 0");

    await page.getByRole("link", { name: "Browse this import →" }).click();
    const rows = page.getByTestId("corpus-row");
    await expect(rows).toHaveCount(6);
    // The annotation pipeline (heuristic annotator) moves every trajectory on to review or out with a reason.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('[data-testid="corpus-row"][data-status="in_review"]').count();
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);

    await page.locator('[data-testid="corpus-row"][data-status="in_review"] a').first().click();
    await expect(page.getByTestId("instruction-version")).toHaveCount(1);
    await expect(page.getByTestId("instruction-version")).toContainText("heuristic");
    const wipe = page.getByRole("slider", { name: "Wipe: share of Before shown" });
    await wipe.focus();
    await page.keyboard.press("End");
    await expect(wipe).toHaveValue("100");
    // At its "all Before" end the before image fills the frame: the after image is fully covered.
    await expect(page.getByTestId("wipe-left-label")).toHaveText("Before");
    await expect(page.getByTestId("wipe-right-label")).toHaveCount(0);
  });
});

test.describe("corpus as annotator", () => {
  test.use({ storageState: ANNOTATOR.state });

  test("an annotator cannot open the corpus or import into it", async ({ page, request }) => {
    await page.goto("/corpus");
    await expect(page).toHaveURL(/forbidden/);
    const res = await request.get("/api/v1/corpus/trajectories");
    expect(res.status()).toBe(403);
  });
});
