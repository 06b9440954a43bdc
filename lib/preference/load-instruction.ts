import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { instructions, reviews, trajectories } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

/**
 * An instruction with its trajectory. The text is the reviewer's edit when the
 * latest review rewrote it (what was accepted), else the annotator's text.
 */
export async function loadInstruction(ctx: Ctx, instructionId: string) {
  const [row] = await ctx.db
    .select({ instruction: instructions, trajectory: trajectories })
    .from(instructions)
    .innerJoin(trajectories, eq(trajectories.id, instructions.trajectoryId))
    .where(eq(instructions.id, instructionId))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No instruction ${instructionId}`);
  const [edited] = await ctx.db
    .select({ text: reviews.editedText })
    .from(reviews)
    .where(and(eq(reviews.instructionId, instructionId), isNotNull(reviews.editedText)))
    .orderBy(desc(reviews.createdAt))
    .limit(1);
  return { ...row, text: edited?.text ?? row.instruction.text };
}
