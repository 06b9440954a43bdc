import "server-only";
import { z } from "zod";
import { requireScope } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { bakeEditPlanJson, type BakedPlanJson } from "@/lib/develop";
import { parseInput } from "@/lib/parse-input";

/** At most this many edits per call: one bake is ~n³ colour evaluations, so 256 at size 25 ≈ 4 M. */
export const MAX_PLAN_EDITS = 256;

export const bakeRenderPlansInput = z.object({
  /** Develop params per edit (crs keys or short aliases, as the importer and the policy parser accept). */
  edits: z.array(z.record(z.string(), z.unknown())).min(1).max(MAX_PLAN_EDITS),
  /** Cube size of the 3D LUT (3–65); 25 is the engine's preview size. */
  gridSize: z.number().int().min(3).max(65).default(25),
});

/** One baked plan per edit, plus the parameter problems normalisation found (unknown keys, clamps). */
export type RenderPlanResult = { plans: Array<BakedPlanJson & { issues: string[] }> };

/**
 * The engine's render plan for a list of edits: the global stages baked into per-channel tables and
 * a 3D LUT (see lib/develop bake-plan.ts), and the spatial stages still to run. Trainers apply it on
 * their accelerator, so the develop engine stays the one source of truth for pixels.
 * A researcher, in person or through an API token with the `reward` scope (as POST /api/v1/render) or the `trainer` scope.
 */
export async function bakeRenderPlans({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof bakeRenderPlansInput>;
}): Promise<RenderPlanResult> {
  const trainerToken = ctx.actor?.via === "token" && ctx.actor.scopes?.includes("trainer");
  if (!ctx.system) requireScope(ctx.actor, trainerToken ? "trainer" : "reward");
  const { edits, gridSize } = parseInput(bakeRenderPlansInput, input);
  return { plans: edits.map((edit) => bakeEditPlanJson({ edit, size: gridSize })) };
}
