import "server-only";
import { type z } from "zod";
import { reviews } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { decisionsInput } from "./decision-input";
import { loadForDecision } from "./load-for-decision";
import { completeSlot } from "./queue";
import { settleItem } from "./settle-item";

export const submitReviewInput = decisionsInput;

/**
 * An annotator's blind decision on one item: per variant accept, edit then
 * accept, or reject with a reason; optionally edited reasoning and the
 * "edit itself is bad" flag. One transaction: optimistic-lock check, the
 * queue slot marked done, one review row per variant (a double submit writes
 * nothing more), an audit entry with before and after texts, and — once all
 * k annotators decided — the item is final or goes to adjudication.
 */
export async function submitReview({ ctx, input }: { ctx: Ctx; input: z.input<typeof submitReviewInput> }) {
  const actor = requireActor(ctx.actor);
  const parsed = parseInput(submitReviewInput, input);
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    // A repeat of a submission that already settled the item must not read as a conflict.
    const { already, rows, version } = await loadForDecision(tx, parsed, { reviewerId: actor.id });
    if (already) return { outcome: "duplicate" as const, settled: null };
    if (rows.some((r) => r.status !== "in_review")) {
      throw new AppError("CONFLICT", "This item was already settled; press Next for another", {
        conflicts: rows.map((r) => ({ variant: r.variant, theirs: r.finalText ?? r.text, yours: "" })),
      });
    }
    const slot = await completeSlot({ ctx: inner, input: { kind: "review", itemId: parsed.trajectoryId } });
    if (slot.outcome === "duplicate") return { outcome: "duplicate" as const, settled: null };
    const reasoning = parsed.reasoning && parsed.reasoning !== rows[0].reasoning ? parsed.reasoning : null;
    const values = parsed.decisions.map((d) => {
      const row = rows.find((r) => r.id === d.instructionId)!;
      const edited = d.decision === "edit" && d.text !== row.text ? d.text! : null;
      return {
        instructionId: d.instructionId,
        trajectoryId: parsed.trajectoryId,
        submissionId: parsed.submissionId,
        stage: "annotation" as const,
        reviewerId: actor.id,
        // An "edit" that changed nothing is an accept.
        decision: d.decision === "edit" && !edited ? ("accept" as const) : d.decision,
        reason: d.decision === "reject" ? d.reason : null,
        comment: d.comment || null,
        baseText: row.text,
        editedText: edited,
        editedReasoning: reasoning,
        editBad: parsed.editBad,
      };
    });
    const inserted = await tx.insert(reviews).values(values).onConflictDoNothing().returning({ id: reviews.id });
    if (inserted.length === 0) return { outcome: "duplicate" as const, settled: null };
    await recordAudit({
      ctx: inner,
      action: "review.submit",
      subjectType: "trajectory",
      subjectId: parsed.trajectoryId,
      data: {
        submissionId: parsed.submissionId,
        editBad: parsed.editBad,
        reasoning,
        decisions: values.map((v) => ({
          instructionId: v.instructionId,
          decision: v.decision,
          reason: v.reason,
          before: v.baseText,
          after: v.editedText,
        })),
      },
    });
    const settled = await settleItem(tx, parsed.trajectoryId, version, rows);
    return { outcome: slot.outcome, settled };
  });
}
