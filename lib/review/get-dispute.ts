import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { reviewDisputes, reviews, users } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { getReviewItem } from "./get-review-item";

export const getDisputeInput = z.object({ trajectoryId: z.uuid() });

/** Reviewer: the item and every annotator's decision on it, side by side (not blind: this is adjudication). */
export async function getDispute({ ctx, input }: { ctx: Ctx; input: z.input<typeof getDisputeInput> }) {
  requireRole(ctx.actor, ["reviewer", "researcher"]);
  const { trajectoryId } = parseInput(getDisputeInput, input);
  const [dispute] = await ctx.db.select().from(reviewDisputes).where(eq(reviewDisputes.trajectoryId, trajectoryId)).limit(1);
  if (!dispute) throw new AppError("NOT_FOUND", "No disagreement recorded for this item");
  const item = await getReviewItem({ ctx, input: { trajectoryId } });
  const rows = await ctx.db
    .select({ review: reviews, name: users.name, email: users.email })
    .from(reviews)
    .leftJoin(users, eq(users.id, reviews.reviewerId))
    .where(
      and(
        inArray(
          reviews.instructionId,
          item.variants.map((v) => v.id),
        ),
        eq(reviews.stage, "annotation"),
      ),
    )
    .orderBy(asc(reviews.createdAt));
  const annotators = [...new Set(rows.map((r) => r.review.reviewerId))].map((id) => {
    const mine = rows.filter((r) => r.review.reviewerId === id);
    return {
      name: mine[0].name ?? "(deleted user)",
      email: mine[0].email ?? "",
      editBad: mine[0].review.editBad,
      reasoning: mine[0].review.editedReasoning,
      decisions: mine.map(({ review: r }) => ({
        instructionId: r.instructionId,
        decision: r.decision,
        reason: r.reason,
        comment: r.comment,
        text: r.editedText ?? r.baseText,
      })),
    };
  });
  return { item, resolved: Boolean(dispute.resolvedAt), annotators };
}
