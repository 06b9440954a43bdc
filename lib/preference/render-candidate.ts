import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { candidates, type CandidateOrigin, type ParamDiffEntry, type PerturbationKind } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { canonicalParams, ENGINE_VERSION, type DevelopParams } from "@/lib/develop";
import { diffParams } from "@/lib/edits";
import { sha256Hex } from "@/lib/imaging/content-hash";
import { renderStoredImage } from "@/lib/imaging/render-stored-image";
import { editMagnitude } from "./param-distance";

/** Every candidate of a pair is rendered by this engine version: the same renderer on both sides. */
export const ENGINE_RENDERER = `engine:${ENGINE_VERSION}`;

export type Candidate = typeof candidates.$inferSelect;

export type NewCandidate = {
  trajectoryId: string;
  instructionId: string;
  sourceSha: string;
  params: DevelopParams;
  origin: CandidateOrigin;
  strategy?: string | null;
  kind?: PerturbationKind | null;
  modelId?: string | null;
  modelName?: string | null;
  round?: number | null;
  parentId?: string | null;
  strongParams?: DevelopParams;
  createdBy?: string | null;
};

/** The signed differences from the strong edit, as stored on the candidate. */
export function diffToStrong(strong: DevelopParams, params: DevelopParams): ParamDiffEntry[] {
  return diffParams(strong, params).map((c) => ({ key: c.key, from: c.from, to: c.to }));
}

/**
 * Renders `params` onto the trajectory's source with the develop engine (at
 * preview size, cached in `renders`) and stores the candidate. Idempotent: the
 * same (trajectory, instruction, origin, params) returns the existing row.
 */
export async function renderCandidate({ ctx, input }: { ctx: Ctx; input: NewCandidate }): Promise<Candidate> {
  const paramsHash = sha256Hex(new TextEncoder().encode(canonicalParams(input.params)));
  const existing = await findCandidate(ctx, input.trajectoryId, input.instructionId, input.origin, paramsHash);
  if (existing?.imageKey) return existing;
  const render = await renderStoredImage({ ctx, input: { sourceSha: input.sourceSha, params: input.params, size: "preview" } });
  const [row] = await ctx.db
    .insert(candidates)
    .values({
      trajectoryId: input.trajectoryId,
      instructionId: input.instructionId,
      params: input.params,
      paramsHash,
      renderKey: render.cacheKey,
      imageKey: render.outputKey,
      renderer: ENGINE_RENDERER,
      origin: input.origin,
      strategy: input.strategy ?? null,
      kind: input.kind ?? null,
      modelId: input.modelId ?? null,
      modelName: input.modelName ?? null,
      round: input.round ?? null,
      parentId: input.parentId ?? null,
      diffToStrong: input.strongParams ? diffToStrong(input.strongParams, input.params) : [],
      magnitude: editMagnitude(input.params),
      createdBy: input.createdBy ?? null,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? (await findCandidate(ctx, input.trajectoryId, input.instructionId, input.origin, paramsHash))!;
}

async function findCandidate(ctx: Ctx, trajectoryId: string, instructionId: string, origin: CandidateOrigin, paramsHash: string) {
  const [row] = await ctx.db
    .select()
    .from(candidates)
    .where(
      and(
        eq(candidates.trajectoryId, trajectoryId),
        instructionId ? eq(candidates.instructionId, instructionId) : isNull(candidates.instructionId),
        eq(candidates.origin, origin),
        eq(candidates.paramsHash, paramsHash),
      ),
    )
    .limit(1);
  return row;
}
