import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { candidates, trajectories } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertCandidateVisible, seesAllCandidates } from "./candidate-access";
import { loadInstruction } from "./load-instruction";

/** What a candidate opens with in "Fix it" and in Develop (`/develop?candidate=`). */
export type FixStart = {
  candidateId: string;
  params: DevelopParams;
  sourceSha: string;
  /** The instruction the candidate answers (null for a candidate without one). */
  instruction: string | null;
  /** Where the candidate came from — researchers only, so nobody else learns it from a link. */
  origin?: string;
};

/**
 * A candidate's params and the source to render them on. Access: see `assertCandidateVisible`
 * (researchers any candidate; others only after voting on its pair, or their own fix).
 */
export async function getFixStart({ ctx, input }: { ctx: Ctx; input: { candidateId: string } }): Promise<FixStart> {
  const actor = requireActor(ctx.actor);
  const { candidateId } = parseInput(z.object({ candidateId: z.uuid() }), input);
  const [row] = await ctx.db
    .select({
      params: candidates.params,
      sourceSha: trajectories.sourceSha,
      instructionId: candidates.instructionId,
      origin: candidates.origin,
      modelName: candidates.modelName,
      strategy: candidates.strategy,
    })
    .from(candidates)
    .innerJoin(trajectories, eq(trajectories.id, candidates.trajectoryId))
    .where(eq(candidates.id, candidateId));
  if (!row) throw new AppError("NOT_FOUND", `No candidate ${candidateId}`);
  await assertCandidateVisible(ctx, actor, candidateId);
  const instruction = row.instructionId ? (await loadInstruction(ctx, row.instructionId)).text : null;
  const start: FixStart = { candidateId, params: row.params as DevelopParams, sourceSha: row.sourceSha, instruction };
  if (seesAllCandidates(actor)) start.origin = [row.origin, row.modelName ?? row.strategy].filter(Boolean).join(" · ");
  return start;
}
