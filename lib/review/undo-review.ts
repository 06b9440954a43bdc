import "server-only";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { instructions, reviewDisputes, reviews, trajectories, workSlots } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { DEFAULT_LEASE_SECONDS } from "./queue";

/** How long after submitting an annotator may take it back (the UI offers 8 s; the server allows slack). */
export const UNDO_SECONDS = 15;

export const undoReviewInput = z.object({ trajectoryId: z.uuid(), submissionId: z.uuid() });

/**
 * Takes back the actor's last submission within a few seconds: its review
 * rows go, whatever it settled is reopened (instructions back in review, an
 * open dispute dropped) and the item is leased to the actor again. The audit
 * log keeps both the submission and the undo.
 */
export async function undoReview({ ctx, input }: { ctx: Ctx; input: z.input<typeof undoReviewInput> }) {
  const actor = requireActor(ctx.actor);
  const { trajectoryId, submissionId } = parseInput(undoReviewInput, input);
  return ctx.db.transaction(async (tx) => {
    const removed = await tx
      .delete(reviews)
      .where(
        and(
          eq(reviews.submissionId, submissionId),
          eq(reviews.reviewerId, actor.id),
          eq(reviews.trajectoryId, trajectoryId),
          gt(reviews.createdAt, sql`now() - make_interval(secs => ${UNDO_SECONDS})`),
        ),
      )
      .returning({ instructionId: reviews.instructionId });
    if (removed.length === 0) throw new AppError("CONFLICT", "Too late to undo: the decision is kept");
    const ids = removed.map((r) => r.instructionId);
    await tx
      .update(instructions)
      .set({
        status: "in_review",
        finalText: null,
        finalReasoning: null,
        lockVersion: sql`${instructions.lockVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(inArray(instructions.id, ids));
    await tx
      .update(trajectories)
      .set({ status: "in_review", updatedAt: sql`now()` })
      .where(eq(trajectories.id, trajectoryId));
    await tx.delete(reviewDisputes).where(and(eq(reviewDisputes.trajectoryId, trajectoryId), isNull(reviewDisputes.resolvedAt)));
    await tx
      .update(workSlots)
      .set({
        doneAt: null,
        claimedAt: sql`now()`,
        renewedAt: sql`now()`,
        expiresAt: sql`now() + make_interval(secs => ${DEFAULT_LEASE_SECONDS})`,
      })
      .where(and(eq(workSlots.kind, "review"), eq(workSlots.itemId, trajectoryId), eq(workSlots.userId, actor.id)));
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "review.undo",
      subjectType: "trajectory",
      subjectId: trajectoryId,
      data: { submissionId },
    });
    return { undone: removed.length };
  });
}
