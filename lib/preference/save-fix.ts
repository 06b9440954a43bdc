import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { candidates } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { isErrorIssue, normalizeParams, pruneDefaults } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertCandidateVisible } from "./candidate-access";
import { insertPair, type Pair } from "./create-pair";
import { loadInstruction } from "./load-instruction";
import { paramDistance } from "./param-distance";
import { MIN_VISIBLE_DISTANCE } from "./config";
import { renderCandidate, type Candidate } from "./render-candidate";

export const saveFixInput = z.object({
  /** The candidate the person started from (the better one of the pair). */
  candidateId: z.uuid(),
  params: z.record(z.string(), z.unknown()).refine((p) => Object.keys(p).length <= 200, "too many parameters"),
});

/**
 * "Fix it": a person adjusted a candidate with the develop sliders (the compare workspace's
 * Fix it panel, or Develop opened with `?candidate=`); they must be allowed to see it.
 * Stores the result as a `human_fix` candidate (rendered server-side by the
 * same engine, so the pair shares a renderer) and a pair fixed ≻ original.
 */
export async function saveFix({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof saveFixInput>;
}): Promise<{ candidate: Candidate; pair: Pair }> {
  const actor = requireActor(ctx.actor);
  const v = parseInput(saveFixInput, input);
  const normalized = normalizeParams(v.params);
  const bad = normalized.issues.filter(isErrorIssue);
  if (bad.length) throw new AppError("VALIDATION", `Invalid params — ${bad.map((i) => i.message).join("; ")}`);
  const params = pruneDefaults(normalized.params);
  const [original] = await ctx.db.select().from(candidates).where(eq(candidates.id, v.candidateId)).limit(1);
  if (!original?.instructionId) throw new AppError("NOT_FOUND", `No candidate ${v.candidateId}`);
  await assertCandidateVisible(ctx, actor, original.id);
  if (paramDistance(original.params, params) < MIN_VISIBLE_DISTANCE) {
    throw new AppError("VALIDATION", "The fix is not visibly different from the candidate; move a slider further");
  }
  const loaded = await loadInstruction(ctx, original.instructionId);
  const candidate = await renderCandidate({
    ctx,
    input: {
      trajectoryId: original.trajectoryId,
      instructionId: original.instructionId,
      sourceSha: loaded.trajectory.sourceSha,
      params,
      origin: "human_fix",
      strategy: `fix-of:${original.origin}`,
      parentId: original.id,
      strongParams: loaded.trajectory.params,
      createdBy: actor.id,
    },
  });
  const pair = await insertPair({
    ctx,
    input: {
      instructionId: original.instructionId,
      strong: candidate,
      weak: original,
      origin: "human_fix",
      round: original.round ?? 1,
      split: loaded.trajectory.split === "test" ? "accuracy" : "train",
      createdBy: actor.id,
    },
  });
  return { candidate, pair };
}
