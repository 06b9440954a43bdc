import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { instructions } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";

export const getTrainingInstructionsInput = z.object({ trajectoryIds: z.array(z.uuid()).min(1).max(10_000) });

/**
 * The instructions exporters and snapshots train on: accepted variants with
 * their final text (a reviewer's edit, or the model's text accepted as is)
 * and final reasoning; the model's original text comes along for provenance.
 */
export async function getTrainingInstructions({ ctx, input }: { ctx: Ctx; input: z.input<typeof getTrainingInstructionsInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { trajectoryIds } = parseInput(getTrainingInstructionsInput, input);
  return ctx.db
    .select({
      trajectoryId: instructions.trajectoryId,
      variant: instructions.variant,
      text: sql<string>`coalesce(${instructions.finalText}, ${instructions.text})`,
      reasoning: sql<string>`coalesce(${instructions.finalReasoning}, ${instructions.reasoning})`,
      modelText: instructions.text,
      edited: sql<boolean>`${instructions.finalText} is distinct from ${instructions.text}`,
      version: instructions.version,
    })
    .from(instructions)
    .where(and(inArray(instructions.trajectoryId, trajectoryIds), eq(instructions.status, "accepted")));
}
