import "server-only";
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { candidates, type CandidateOrigin, type PerturbationKind } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { canonicalParams, type DevelopParams } from "@/lib/develop";
import { renderStoredImage } from "@/lib/imaging";
import { editMagnitude } from "@/lib/preference/param-distance";
import { ENGINE_RENDERER } from "@/lib/preference/render-candidate";

/**
 * A rendered candidate edit of an instruction (engine render at preview size),
 * created once: the identity is (trajectory, instruction, origin, params hash),
 * so a resumed round step finds the row it already wrote.
 */
export async function upsertCandidate({
  ctx,
  trajectoryId,
  instructionId,
  sourceSha,
  params,
  origin,
  round,
  strategy,
  kind,
  modelName,
}: {
  ctx: Ctx;
  trajectoryId: string;
  instructionId: string;
  sourceSha: string;
  params: DevelopParams;
  origin: CandidateOrigin;
  round: number;
  strategy?: string;
  kind?: Exclude<PerturbationKind, never>;
  modelName?: string;
}): Promise<{ id: string; imageKey: string; magnitude: number; renderer: string }> {
  const paramsHash = createHash("sha256").update(canonicalParams(params)).digest("hex");
  const where = and(
    eq(candidates.trajectoryId, trajectoryId),
    eq(candidates.instructionId, instructionId),
    eq(candidates.origin, origin),
    eq(candidates.paramsHash, paramsHash),
  );
  const [hit] = await ctx.db
    .select({ id: candidates.id, imageKey: candidates.imageKey, magnitude: candidates.magnitude, renderer: candidates.renderer })
    .from(candidates)
    .where(where)
    .limit(1);
  if (hit?.imageKey) return { id: hit.id, imageKey: hit.imageKey, magnitude: hit.magnitude, renderer: hit.renderer };
  const render = await renderStoredImage({ ctx: { ...ctx, system: true }, input: { sourceSha, params, size: "preview" } });
  const magnitude = editMagnitude(params);
  const renderer = ENGINE_RENDERER;
  const [row] = await ctx.db
    .insert(candidates)
    .values({
      trajectoryId,
      instructionId,
      params,
      paramsHash,
      renderKey: render.cacheKey,
      imageKey: render.outputKey,
      renderer,
      origin,
      round,
      strategy: strategy ?? null,
      kind: kind ?? null,
      modelName: modelName ?? null,
      magnitude,
    })
    .onConflictDoUpdate({
      target: [candidates.trajectoryId, candidates.instructionId, candidates.origin, candidates.paramsHash],
      set: { imageKey: render.outputKey, renderKey: render.cacheKey, renderer },
    })
    .returning({ id: candidates.id });
  return { id: row.id, imageKey: render.outputKey, magnitude, renderer };
}
