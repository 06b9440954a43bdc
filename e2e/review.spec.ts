import { expect, test, type Browser, type Page } from "@playwright/test";
import { freshReviewItems, query } from "./review-fixtures";
import { ANNOTATOR, ANNOTATOR2, REVIEWER } from "./users";

// Two annotators and a reviewer, each in their own browser context.
async function open(browser: Browser, user: { state: string }, path = "/review"): Promise<Page> {
  const context = await browser.newContext({ storageState: user.state });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}
const shownItem = async (page: Page) => {
  const item = page.getByTestId("review-item");
  await expect(item).toBeVisible();
  return (await item.getAttribute("data-trajectory"))!;
};
/** Waits until the page shows item `id` (a submit or undo moves on asynchronously). */
const expectItem = (page: Page, id: string) => expect(page.getByTestId("review-item")).toHaveAttribute("data-trajectory", id);
const decisionsBy = async (email: string) =>
  (await query`select r.decision, r.reason, r.edited_text, i.variant, r.trajectory_id from reviews r join "user" u on u.id = r.reviewer_id join instructions i on i.id = r.instruction_id where u.email = ${email} and r.stage = 'annotation'`) as unknown as {
    decision: string;
    reason: string | null;
    edited_text: string | null;
    variant: string;
    trajectory_id: string;
  }[];

test.describe.configure({ mode: "serial" });

test("overlap 1: two annotators never hold the same item at once", async ({ browser }) => {
  await freshReviewItems(4);
  const a = await open(browser, ANNOTATOR);
  const b = await open(browser, ANNOTATOR2);
  const [x, y] = [await shownItem(a), await shownItem(b)];
  expect(x).not.toBe(y);
  // Each also holds a prefetched next item; still no item is held by two people.
  await expect
    .poll(
      async () =>
        (await query`select count(*)::int as n from work_slots where kind = 'review' and user_id is not null and done_at is null`)[0].n,
    )
    .toBe(4);
  const doubled =
    await query`select item_id from work_slots where kind = 'review' and user_id is not null and expires_at > now() group by item_id having count(*) > 1`;
  expect(doubled).toHaveLength(0);
  await a.context().close();
  await b.context().close();
});

test("overlap 2: both annotators see the item, blind to each other; the reviewer resolves their disagreement", async ({ browser }) => {
  const [id] = await freshReviewItems(1, { overlap: 2 });
  const a = await open(browser, ANNOTATOR);
  await expectItem(a, id);
  // a rejects the short variant (R, reason 2 = wrong direction) and submits.
  await a.keyboard.press("r");
  await a.keyboard.press("2");
  await a.keyboard.press("Enter");
  await expect(a.getByTestId("review-empty").or(a.getByText("Nothing more to review"))).toBeVisible();

  const b = await open(browser, ANNOTATOR2);
  await expectItem(b, id);
  // Blind: b's form is fresh, with no trace of a's rejection.
  await expect(b.locator('[data-variant="short"]')).toHaveAttribute("data-verdict", "accept");
  await expect(b.getByText("Wrong direction")).toHaveCount(0);
  await b.keyboard.press("Enter");
  await expect
    .poll(
      async () => (await query`select count(*)::int as n from review_disputes where trajectory_id = ${id} and resolved_at is null`)[0].n,
    )
    .toBe(1);

  const reviewer = await open(browser, REVIEWER, "/review/disputes");
  await reviewer.getByTestId("dispute-row").getByRole("link").click();
  await expect(reviewer.getByTestId("annotator-decisions")).toContainText("reject (Wrong direction)");
  await reviewer.getByRole("button", { name: "Set the final decision" }).click();
  await expect(reviewer.getByTestId("resolved")).toBeVisible();
  const [t] = await query`select status from trajectories where id = ${id}`;
  expect(t.status).toBe("accepted");
  for (const p of [a, b, reviewer]) await p.context().close();
});

test("keyboard only: five items reviewed, one undone and redone, with the ? overlay", async ({ browser }) => {
  const ids = await freshReviewItems(5);
  const page = await open(browser, ANNOTATOR);
  await expectItem(page, ids[0]);
  await page.keyboard.press("?");
  await expect(page.getByTestId("shortcuts")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shortcuts")).toBeHidden();
  // The dialog's close event hands focus back to the workspace (where Enter submits) a task later.
  await expect(page.getByTestId("review-item")).toBeFocused();

  // 1: accept all as written.
  await page.keyboard.press("Enter");
  await expectItem(page, ids[1]);
  // 2: reject medium as "not retouching" (J moves to medium, R rejects, 4 picks the reason).
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await page.keyboard.press("4");
  await page.keyboard.press("Enter");
  await expectItem(page, ids[2]);
  // 3: edit the long variant (E focuses its text), leave the text with Esc, submit; then undo and redo it.
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("e");
  await expect(page.getByTestId("text-long")).toBeFocused();
  // The caret waits after the words, ready to add to them.
  expect(await page.getByTestId("text-long").evaluate((t: HTMLTextAreaElement) => [t.selectionStart, t.value.length])).toEqual([
    "long 3: brighten the photo and add contrast".length,
    "long 3: brighten the photo and add contrast".length,
  ]);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Brighten by half a stop and add a little contrast");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await expectItem(page, ids[3]);
  await page.keyboard.press("u");
  await expectItem(page, ids[2]);
  await expect(page.getByTestId("text-long")).toHaveValue("Brighten by half a stop and add a little contrast");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expectItem(page, ids[3]);
  // 4: flag the edit as bad; 5: reject short with "other" and a note.
  await page.keyboard.press("b");
  await page.keyboard.press("Enter");
  await expectItem(page, ids[4]);
  await page.keyboard.press("r");
  await page.keyboard.press("5");
  await expect(page.getByLabel("What is wrong with the short instruction")).toBeFocused();
  await page.keyboard.type("talks about a different photo");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByText("Nothing more to review")).toBeVisible();
  // P goes back to a decided item, read-only.
  await page.keyboard.press("p");
  await expect(page.getByTestId("review-item")).toHaveAttribute("data-decided", "true");

  const rows = await decisionsBy(ANNOTATOR.email);
  const mine = rows.filter((r) => ids.includes(r.trajectory_id));
  expect(mine).toHaveLength(15);
  const of = (i: number, variant: string) => mine.find((r) => r.trajectory_id === ids[i] && r.variant === variant)!;
  expect(of(1, "medium")).toMatchObject({ decision: "reject", reason: "not_retouching" });
  expect(of(2, "long")).toMatchObject({ decision: "edit", edited_text: "Brighten by half a stop and add a little contrast" });
  expect(of(4, "short")).toMatchObject({ decision: "reject", reason: "other" });
  const [bad] = await query`select status from trajectories where id = ${ids[3]}`;
  expect(bad.status).toBe("rejected");
  await page.context().close();
});

test("an expired lease returns the item to the queue", async ({ browser }) => {
  const [id] = await freshReviewItems(1);
  const a = await open(browser, ANNOTATOR);
  await expectItem(a, id);
  const b = await open(browser, ANNOTATOR2);
  await expect(b.getByTestId("review-empty")).toBeVisible();
  await query`update work_slots set expires_at = now() - interval '1 second' where kind = 'review' and item_id = ${id}`;
  await b.reload();
  await expectItem(b, id);
  await a.context().close();
  await b.context().close();
});

test("a concurrent change shows both texts; a reload keeps the draft", async ({ browser }) => {
  const [id] = await freshReviewItems(1);
  const page = await open(browser, ANNOTATOR);
  await expectItem(page, id);
  await page.getByTestId("text-short").fill("My careful rewrite");
  await page.reload();
  await expect(page.getByTestId("text-short")).toHaveValue("My careful rewrite");

  await query`update instructions set text = 'Changed by a researcher', lock_version = lock_version + 1 where trajectory_id = ${id} and variant = 'short'`;
  await page.getByTestId("submit").click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText("Someone changed this item");
  await expect(conflict.getByTestId("conflict-theirs")).toHaveText("Changed by a researcher");
  await expect(conflict.getByTestId("conflict-yours")).toHaveText("My careful rewrite");
  expect(await decisionsBy(ANNOTATOR.email).then((r) => r.filter((x) => x.trajectory_id === id))).toHaveLength(0);
  await page.context().close();
});

test("the wipe shows the before image at its Before end, and dragging on the photo moves it", async ({ browser }) => {
  await freshReviewItems(1);
  const page = await open(browser, ANNOTATOR);
  await shownItem(page);
  await page.getByRole("button", { name: "Wipe" }).click();
  const slider = page.getByRole("slider", { name: "Wipe: share of Before shown" });
  await slider.focus();
  await page.keyboard.press("End");
  await expect(slider).toHaveValue("100");
  // The before pane covers the whole frame; the after label is gone.
  const before = page.locator('[data-testid="viewer-wipe"] img[data-pane="0"]');
  await expect(before).toHaveAttribute("alt", "Before");
  expect(await before.evaluate((el) => getComputedStyle(el).clipPath)).toMatch(/^inset\(0(px)? 0(%|px)?/);
  await expect(page.getByTestId("wipe-left-label")).toHaveText("Before");
  await expect(page.getByTestId("wipe-right-label")).toHaveCount(0);
  const frame = page.getByTestId("viewer-wipe");
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.up();
  await expect.poll(async () => Number(await slider.inputValue())).toBeLessThan(30);
  await page.context().close();
});
