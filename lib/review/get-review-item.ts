import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { instructions, reviews, trajectories, workSlots } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { editChanges } from "@/lib/corpus/browse/edit-changes";
import type { DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { promptName } from "./prompt-name";

export const getReviewItemInput = z.object({ trajectoryId: z.uuid("not a trajectory id") });

/**
 * One review item: the before/after images, the edit in words and as a
 * table, the newest instruction version's three variants with reasoning,
 * model and prompt name, the actor's own lease and own decision. Blind:
 * other people's decisions are never included.
 */
export async function getReviewItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof getReviewItemInput> }) {
  const actor = requireActor(ctx.actor);
  const { trajectoryId } = parseInput(getReviewItemInput, input);
  // Two round trips: the trajectory with the actor's slot (which says both whether an annotator
  // may see the item and how long they hold it), then the newest variants with the actor's own decisions.
  const [row] = await ctx.db
    // `slot` first: drizzle nulls a left-joined object when its first column is null, and
    // `expiresAt` is null once the slot is done.
    .select({ t: trajectories, lease: { slot: workSlots.slot, expiresAt: workSlots.expiresAt, doneAt: workSlots.doneAt } })
    .from(trajectories)
    .leftJoin(workSlots, and(eq(workSlots.kind, "review"), eq(workSlots.itemId, trajectories.id), eq(workSlots.userId, actor.id)))
    .where(eq(trajectories.id, trajectoryId))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No trajectory ${trajectoryId}`);
  const { t } = row;
  const lease = row.lease;
  if (actor.role === "annotator" && !lease) throw new AppError("FORBIDDEN", "This item is not assigned to you; press Next for one that is");
  const joined = await ctx.db
    .select({ v: instructions, r: reviews })
    .from(instructions)
    .leftJoin(reviews, and(eq(reviews.instructionId, instructions.id), eq(reviews.reviewerId, actor.id), eq(reviews.stage, "annotation")))
    .where(
      and(
        eq(instructions.trajectoryId, trajectoryId),
        eq(instructions.version, sql`(select max(i2.version) from instructions i2 where i2.trajectory_id = ${trajectoryId})`),
      ),
    )
    .orderBy(sql`array_position(array['short','medium','long'], ${instructions.variant}::text)`, asc(instructions.id));
  const variants = joined.map((j) => j.v);
  const mine = joined.flatMap((j) => (j.r ? [j.r] : []));
  if (variants.length === 0) throw new AppError("NOT_FOUND", "This trajectory has no instructions to review yet");
  const first = variants[0];
  return {
    trajectoryId,
    status: t.status,
    category: t.category,
    images: {
      before: `/api/v1/images/${t.sourceSha}/preview`,
      after: t.targetSha ? `/api/v1/images/${t.targetSha}/preview` : null,
      afterLabel: t.targetRendered ? "After (engine render)" : "After",
    },
    ...editChanges(t.params as DevelopParams),
    version: variants[0].version,
    model: first.modelName,
    backend: first.backend,
    prompt: promptName(first.promptVersion),
    reasoning: first.finalReasoning ?? first.reasoning,
    variants: variants.map((v) => ({
      id: v.id,
      variant: v.variant,
      text: v.finalText ?? v.text,
      modelText: v.text,
      status: v.status,
      lockVersion: v.lockVersion,
    })),
    lease: lease ? { expiresAt: lease.expiresAt?.toISOString() ?? null, done: Boolean(lease.doneAt) } : null,
    myDecision: mine.length
      ? {
          submissionId: mine[0].submissionId,
          at: mine[0].createdAt.toISOString(),
          editBad: mine[0].editBad,
          decisions: mine.map((r) => ({
            instructionId: r.instructionId,
            decision: r.decision,
            reason: r.reason,
            comment: r.comment,
            text: r.editedText,
          })),
        }
      : null,
  };
}

export type ReviewItem = Awaited<ReturnType<typeof getReviewItem>>;
