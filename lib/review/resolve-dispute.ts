import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { type z } from "zod";
import { reviewDisputes, reviews } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { decisionsInput } from "./decision-input";
import { loadForDecision } from "./load-for-decision";
import { applyFinal } from "./settle-item";

export const resolveDisputeInput = decisionsInput;

/** Reviewer: the final word on a disagreement, written as `adjudication` reviews and applied at once. */
export async function resolveDispute({ ctx, input }: { ctx: Ctx; input: z.input<typeof resolveDisputeInput> }) {
  const actor = requireRole(ctx.actor, ["reviewer"]);
  const parsed = parseInput(resolveDisputeInput, input);
  return ctx.db.transaction(async (tx) => {
    const [dispute] = await tx
      .update(reviewDisputes)
      .set({ resolvedAt: sql`now()`, resolvedBy: actor.id })
      .where(and(eq(reviewDisputes.trajectoryId, parsed.trajectoryId), sql`${reviewDisputes.resolvedAt} is null`))
      .returning();
    if (!dispute) throw new AppError("CONFLICT", "This disagreement is already resolved");
    const { rows } = await loadForDecision(tx, parsed);
    const reasoning = parsed.reasoning && parsed.reasoning !== rows[0].reasoning ? parsed.reasoning : null;
    const finals = parsed.decisions.map((d) => {
      const row = rows.find((r) => r.id === d.instructionId)!;
      const text = d.decision === "edit" ? d.text! : row.text;
      return { d, row, final: { instructionId: row.id, accepted: d.decision !== "reject", text, reasoning: reasoning ?? row.reasoning } };
    });
    await tx.insert(reviews).values(
      finals.map(({ d, row }) => ({
        instructionId: row.id,
        trajectoryId: parsed.trajectoryId,
        submissionId: parsed.submissionId,
        stage: "adjudication" as const,
        reviewerId: actor.id,
        decision: d.decision,
        reason: d.decision === "reject" ? d.reason : null,
        comment: d.comment || null,
        baseText: row.text,
        editedText: d.decision === "edit" && d.text !== row.text ? d.text! : null,
        editedReasoning: reasoning,
        editBad: parsed.editBad,
      })),
    );
    const status = await applyFinal(
      tx,
      parsed.trajectoryId,
      finals.map((f) => f.final),
      parsed.editBad,
    );
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "review.adjudicate",
      subjectType: "trajectory",
      subjectId: parsed.trajectoryId,
      data: {
        editBad: parsed.editBad,
        decisions: finals.map(({ d, row }) => ({ instructionId: row.id, decision: d.decision, before: row.text, after: d.text ?? null })),
      },
    });
    return { status };
  });
}
