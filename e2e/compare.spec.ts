import { expect, test, type Page } from "@playwright/test";
import { query as sql } from "./review-fixtures";
import { ADMIN, ANNOTATOR } from "./users";

/** Votes on the pair on screen with one key and returns which side the user's edit was on. */
async function voteByKey(page: Page, key: "a" | "b"): Promise<string> {
  const ws = page.getByTestId("compare-workspace");
  await expect(ws).toBeVisible();
  await page.keyboard.press(key);
  const reveal = page.getByTestId("compare-reveal");
  await expect(reveal).toBeVisible();
  const text = (await reveal.textContent()) ?? "";
  return /The user's edit was (A|B)/.exec(text)?.[1] ?? "?";
}

test.describe.serial("compare workspace", () => {
  test("an annotator labels 10 pairs by keyboard only; the user's edit shows up on both sides", async ({ browser }) => {
    const context = await browser.newContext({ storageState: ANNOTATOR.state });
    const page = await context.newPage();
    await page.goto("/compare");
    await page.keyboard.press("?");
    await expect(page.getByTestId("compare-help")).toBeVisible();
    await page.keyboard.press("Escape");
    const sides: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const id = await page.getByTestId("compare-workspace").getAttribute("data-pair-id");
      expect(seen.has(id!)).toBe(false);
      seen.add(id!);
      // Instruction and images are shown; nothing about where the edits came from before the vote.
      await expect(page.getByTestId("compare-instruction")).not.toBeEmpty();
      await expect(page.getByTestId("compare-workspace")).not.toContainText(/perturb|policy|round|gold/i);
      if (i === 0) await page.keyboard.press("s"); // strength: slightly
      sides.push(await voteByKey(page, i % 2 ? "b" : "a"));
      await page.keyboard.press("n");
      await expect(page.getByTestId("compare-workspace")).not.toHaveAttribute("data-pair-id", id!);
    }
    expect(new Set(sides)).toEqual(new Set(["A", "B"]));
    await context.close();
  });

  test("Fix it saves a candidate and a pair that the researcher view lists", async ({ browser }) => {
    // Counted first, so a retry of this serial block (which repeats the fix) still checks one more.
    const [{ n: fixesBefore }] = await sql<{ n: number }[]>`select count(*)::int as n from pairs where origin = 'human_fix'`;
    const context = await browser.newContext({ storageState: ANNOTATOR.state });
    const page = await context.newPage();
    await page.goto("/compare");
    await voteByKey(page, "a");
    await page.keyboard.press("f");
    await expect(page.getByTestId("fix-panel")).toBeVisible();
    await expect(page.getByTestId("fix-canvas")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
    const highlights = page.locator("#fix-Highlights2012");
    await highlights.focus();
    for (let i = 0; i < 40; i++) await page.keyboard.press("ArrowLeft");
    await page.getByTestId("fix-save").click();
    await expect(page.getByTestId("fix-saved")).toBeVisible();
    await context.close();

    const admin = await browser.newContext({ storageState: ADMIN.state });
    const researcher = await admin.newPage();
    await researcher.goto("/compare/researcher?origin=human_fix");
    await expect(researcher.locator('[data-testid="pair-list"] tr[data-origin="human_fix"]')).toHaveCount(fixesBefore + 1);
    await admin.close();
  });

  test("an annotator's gold accuracy appears in the researcher view", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: ADMIN.state });
    const page = await admin.newPage();
    await page.goto("/compare/researcher");
    const gold = page.getByTestId("gold-accuracy");
    await expect(gold).toContainText(ANNOTATOR.email);
    await expect(gold).toContainText(/\d+\/\d+/);
    // The judge worker labels the pairs in the background; the table appears once it has.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("reward-accuracy").count();
        },
        { timeout: 60_000 },
      )
      .toBeGreaterThan(0);
    await expect(page.getByTestId("reward-accuracy").first()).toContainText("Bigger change wins");
    await admin.close();
  });

  test("a pair the judge gave up on is listed with its error; Retry judging (by keyboard) has the worker label it", async ({ browser }) => {
    // As a reward model that stayed down would leave it: no model label, the last job's error recorded.
    const [pair] = await sql<{ id: string }[]>`select id from pairs where origin = 'perturbed' order by created_at limit 1`;
    await sql`delete from labels where pair_id = ${pair.id} and labeler_kind = 'model'`;
    await sql`update pairs set judge_failures = 3, judge_error = 'UNAVAILABLE: reward endpoint refused the connection', judge_failed_at = now() where id = ${pair.id}`;
    const admin = await browser.newContext({ storageState: ADMIN.state });
    const page = await admin.newPage();
    await page.goto("/compare/researcher");
    const card = page.getByTestId("judge-failures");
    await expect(card).toContainText("1 given up");
    await expect(card).toContainText("reward endpoint refused the connection");
    const retry = page.getByTestId("judge-failures-retry");
    await expect(retry).toBeEnabled(); // hydrated
    await retry.focus();
    await page.keyboard.press("Enter");
    // The outcome stays on screen although the refreshed page has nothing left to list.
    await expect(card.getByRole("status")).toHaveText("Queued 1 pair(s) for judging.");
    await expect(card).toContainText("0 given up");
    // The worker judges it (both sides of the swap); the card goes once nothing has failed.
    await expect
      .poll(async () => (await sql`select count(*)::int as n from labels where pair_id = ${pair.id} and labeler_kind = 'model'`)[0].n, {
        timeout: 60_000,
      })
      .toBe(2);
    await page.reload();
    await expect(page.getByTestId("compare-researcher")).toBeVisible();
    await expect(page.getByTestId("judge-failures")).toHaveCount(0);
    await admin.close();
  });

  test("an instruction whose perturb step was given up on is listed; Retry perturbing (by keyboard) has the worker finish it", async ({
    browser,
  }) => {
    // As a blob store that stayed full would leave it: the step not done, the last job's error recorded.
    const [run] = await sql<{ instruction_id: string }[]>`
      select instruction_id from perturb_runs where round = 1 and completed_at is not null order by instruction_id limit 1`;
    await sql`update perturb_runs set completed_at = null, failures = 3, error = 'ENOSPC: no space left on device, write', failed_at = now()
      where instruction_id = ${run.instruction_id} and round = 1`;
    const admin = await browser.newContext({ storageState: ADMIN.state });
    const page = await admin.newPage();
    await page.goto("/compare/researcher");
    const card = page.getByTestId("perturb-failures");
    await expect(card).toContainText("1 given up");
    await expect(card).toContainText("ENOSPC: no space left on device");
    const retry = page.getByTestId("perturb-failures-retry");
    await expect(retry).toBeEnabled(); // hydrated
    await retry.focus();
    await page.keyboard.press("Enter");
    await expect(card.getByRole("status")).toHaveText("Queued 1 instruction(s) for perturbing.");
    await expect(card).toContainText("0 given up");
    await expect
      .poll(
        async () =>
          (await sql`select completed_at from perturb_runs where instruction_id = ${run.instruction_id} and round = 1`)[0].completed_at !==
          null,
        { timeout: 60_000 },
      )
      .toBe(true);
    await page.reload();
    await expect(page.getByTestId("compare-researcher")).toBeVisible();
    await expect(page.getByTestId("perturb-failures")).toHaveCount(0);
    await admin.close();
  });
});
