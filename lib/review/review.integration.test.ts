import { randomUUID } from "node:crypto";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, instructions, reviews, trajectories, workSlots } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createContext, systemContext, type Ctx } from "@/lib/context";
import { makeActor } from "@/test/actors";
import { clearReviewQueue, makeReviewTrajectories } from "@/test/review/review-fixtures";
import {
  getDispute,
  getReviewItem,
  getTrainingInstructions,
  listDisputes,
  nextReviewItem,
  queueForReview,
  queueWaitingReviews,
  resolveDispute,
  reviewStats,
  setReviewSettings,
  submitReview,
  undoReview,
  type ReviewItem,
} from ".";

let a: Actor, b: Actor, reviewer: Actor, researcher: Actor;
const as = (actor: Actor): Ctx => createContext({ actor });

const acceptAll = (item: ReviewItem, over: Partial<Record<"short" | "medium" | "long", object>> = {}) => ({
  trajectoryId: item.trajectoryId,
  submissionId: randomUUID(),
  decisions: item.variants.map((v) => ({
    instructionId: v.id,
    lockVersion: v.lockVersion,
    decision: "accept" as const,
    ...over[v.variant],
  })),
});

async function next(actor: Actor) {
  const { item } = await nextReviewItem({ ctx: as(actor), input: {} });
  expect(item).not.toBeNull();
  return item!;
}

beforeAll(async () => {
  await clearReviewQueue();
  [a, b, reviewer, researcher] = await Promise.all([
    makeActor("annotator"),
    makeActor("annotator"),
    makeActor("reviewer"),
    makeActor("researcher"),
  ]);
});
afterAll(clearReviewQueue);

describe("review with overlap 1", () => {
  it("the sweep queues in-review trajectories that have no slots yet", async () => {
    const ids = await makeReviewTrajectories(2);
    await queueWaitingReviews({ ctx: systemContext() });
    const slots = await getDb().select().from(workSlots).where(inArray(workSlots.itemId, ids));
    expect(slots.map((s) => s.slot)).toEqual([0, 0]);
    // Other files' trajectories may have been queued too: keep only these two, then decide them out of the way.
    await getDb().delete(workSlots).where(notInArray(workSlots.itemId, ids));
    for (const _ of ids) await submitReview({ ctx: as(researcher), input: acceptAll(await next(researcher)) });
  });

  it("an accepted (and an edited) instruction becomes the training instruction; the model's text is kept", async () => {
    const [id] = await makeReviewTrajectories(1);
    await queueForReview({ ctx: systemContext(), input: { trajectoryIds: [id] } });
    const item = await next(a);
    expect(item.trajectoryId).toBe(id);
    expect(item.variants.map((v) => v.variant)).toEqual(["short", "medium", "long"]);
    expect(item.prompt).toBe("heuristic-annotate-v1");
    const input = acceptAll(item, { medium: { decision: "edit", text: "Brighten the photo by a third of a stop" } });
    expect(await submitReview({ ctx: as(a), input })).toEqual({ outcome: "recorded", settled: "final" });
    // Submitting again (double click, retried request) writes nothing more.
    expect((await submitReview({ ctx: as(a), input: { ...input, submissionId: randomUUID() } })).outcome).toBe("duplicate");
    expect(await getDb().$count(reviews, eq(reviews.trajectoryId, id))).toBe(3);

    const training = await getTrainingInstructions({ ctx: as(researcher), input: { trajectoryIds: [id] } });
    const medium = training.find((t) => t.variant === "medium")!;
    expect(medium).toMatchObject({
      text: "Brighten the photo by a third of a stop",
      modelText: "medium: brighten the photo",
      edited: true,
    });
    expect(training.find((t) => t.variant === "short")).toMatchObject({ text: "short: brighten the photo", edited: false });
    const [t] = await getDb().select().from(trajectories).where(eq(trajectories.id, id));
    expect(t.status).toBe("accepted");
    const [audit] = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "review.submit"), eq(auditLog.subjectId, id)));
    expect(JSON.stringify(audit.data)).toContain("Brighten the photo by a third of a stop");
    // Nothing left for a, and a cannot open someone else's queue item.
    expect((await nextReviewItem({ ctx: as(a), input: {} })).item).toBeNull();
  });

  it("a concurrent change is a CONFLICT that shows both texts, never an overwrite", async () => {
    const [id] = await makeReviewTrajectories(1);
    await queueForReview({ ctx: systemContext(), input: { trajectoryIds: [id] } });
    const item = await next(a);
    expect(item.trajectoryId).toBe(id);
    // Someone else changes the long variant while a has it open.
    const long = item.variants.find((v) => v.variant === "long")!;
    await getDb()
      .update(instructions)
      .set({ text: "Changed by a researcher", lockVersion: long.lockVersion + 1 })
      .where(eq(instructions.id, long.id));
    const err = await submitReview({ ctx: as(a), input: acceptAll(item, { long: { decision: "edit", text: "My edit" } }) }).catch((e) => e);
    expect(err).toMatchObject({
      code: "CONFLICT",
      details: { conflicts: [{ variant: "long", theirs: "Changed by a researcher", yours: "My edit" }] },
    });
    expect(await getDb().$count(reviews, eq(reviews.trajectoryId, id))).toBe(0);
    // Reloaded, the item shows the new text and can be decided.
    const fresh = await getReviewItem({ ctx: as(a), input: { trajectoryId: id } });
    expect(fresh.variants.find((v) => v.variant === "long")!.text).toBe("Changed by a researcher");
    const input = acceptAll(fresh, { short: { decision: "reject", reason: "other", comment: "not about this photo" } });
    expect((await submitReview({ ctx: as(a), input })).settled).toBe("final");
  });

  it("undo within seconds reopens the item for the same annotator", async () => {
    const [id] = await makeReviewTrajectories(1);
    await queueForReview({ ctx: systemContext(), input: { trajectoryIds: [id] } });
    const item = await next(b);
    const input = acceptAll(item);
    await submitReview({ ctx: as(b), input });
    expect(await undoReview({ ctx: as(b), input: { trajectoryId: id, submissionId: input.submissionId } })).toEqual({ undone: 3 });
    const again = await next(b);
    expect(again.trajectoryId).toBe(id);
    expect(again.variants.every((v) => v.status === "in_review")).toBe(true);
    expect(again.myDecision).toBeNull();
    await expect(undoReview({ ctx: as(b), input: { trajectoryId: id, submissionId: input.submissionId } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await submitReview({ ctx: as(b), input: acceptAll(again) });
  });

  it("rejects bad decisions with a message, and keeps annotators to their own items", async () => {
    const [id] = await makeReviewTrajectories(1);
    await queueForReview({ ctx: systemContext(), input: { trajectoryIds: [id] } });
    await expect(getReviewItem({ ctx: as(b), input: { trajectoryId: id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const item = await next(a);
    const bad = acceptAll(item, { short: { decision: "reject" } });
    await expect(submitReview({ ctx: as(a), input: bad })).rejects.toMatchObject({ code: "VALIDATION", message: /choose a reason/ });
    const partial = { ...acceptAll(item), decisions: acceptAll(item).decisions.slice(0, 2) };
    await expect(submitReview({ ctx: as(a), input: partial })).rejects.toMatchObject({ code: "VALIDATION", message: /each of the 3/ });
    await submitReview({ ctx: as(a), input: acceptAll(item) });
  });
});

describe("review with overlap 2", () => {
  it("both annotators decide blind; a disagreement goes to the reviewer, who settles it", async () => {
    await setReviewSettings({ ctx: as(researcher), input: { overlap: 2 } });
    const [id] = await makeReviewTrajectories(1, { category: "style" });
    await queueForReview({ ctx: systemContext(), input: { trajectoryIds: [id] } });
    await setReviewSettings({ ctx: as(researcher), input: { priority: { category: "style", value: 9 } } });
    const itemA = await next(a);
    const itemB = await next(b);
    expect(itemA.trajectoryId).toBe(id);
    expect(itemB.trajectoryId).toBe(id);
    expect(await submitReview({ ctx: as(a), input: acceptAll(itemA) })).toMatchObject({ settled: "waiting" });
    // a may still open the item they decided (their slot is done, with no expiry), and sees their own decision.
    const seenByA = await getReviewItem({ ctx: as(a), input: { trajectoryId: id } });
    expect(seenByA.lease).toEqual({ expiresAt: null, done: true });
    expect(seenByA.myDecision?.decisions).toHaveLength(3);
    // Blind: b's view carries no trace of a's decision.
    const seenByB = await getReviewItem({ ctx: as(b), input: { trajectoryId: id } });
    expect(seenByB.myDecision).toBeNull();
    expect(JSON.stringify(seenByB)).not.toContain(a.id);
    const rejectShort = acceptAll(itemB, { short: { decision: "reject", reason: "wrong_direction" } });
    expect(await submitReview({ ctx: as(b), input: rejectShort })).toMatchObject({ settled: "disputed" });

    await expect(listDisputes({ ctx: as(a) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listDisputes({ ctx: as(reviewer) })).map((d) => d.trajectoryId)).toContain(id);
    const dispute = await getDispute({ ctx: as(reviewer), input: { trajectoryId: id } });
    expect(dispute.annotators).toHaveLength(2);
    const final = acceptAll(dispute.item, { short: { decision: "edit", text: "Make it a little brighter" } });
    expect(await resolveDispute({ ctx: as(reviewer), input: final })).toEqual({ status: "accepted" });
    expect((await listDisputes({ ctx: as(reviewer) })).map((d) => d.trajectoryId)).not.toContain(id);
    const rows = await getDb()
      .select()
      .from(instructions)
      .where(inArray(instructions.trajectoryId, [id]));
    expect(rows.find((r) => r.variant === "short")).toMatchObject({ status: "accepted", finalText: "Make it a little brighter" });
    await setReviewSettings({ ctx: as(researcher), input: { overlap: 1 } });
  });

  it("stats: per annotator rates and agreement, per model acceptance unchanged", async () => {
    await expect(reviewStats({ ctx: as(a) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const stats = await reviewStats({ ctx: as(researcher) });
    const sa = stats.annotators.find((x) => x.email === a.email)!;
    const sb = stats.annotators.find((x) => x.email === b.email)!;
    // a: 4 items (12 variants): 1 edit, 1 reject (other), 10 accepts.
    expect(sa).toMatchObject({ items: 4 });
    expect(sa.editRate).toBeCloseTo(1 / 12);
    expect(sa.rejectRate).toBeCloseTo(1 / 12);
    // On the disputed item a and b agree on 2 of 3 variants; the reviewer edited short, so a matches 2 of 3.
    expect(sa.comparedWithOthers).toBe(3);
    expect(sa.agreementWithOthers).toBeCloseTo(2 / 3);
    expect(sb.agreementWithReviewer).toBeCloseTo(2 / 3);
    const heuristic = stats.models.find((m) => m.model === "heuristic")!;
    expect(heuristic.reviewed).toBeGreaterThanOrEqual(12);
    expect(heuristic.acceptedUnchangedRate).toBeGreaterThan(0);
    expect(heuristic.acceptedUnchangedRate).toBeLessThan(1);
  });
});
