import "server-only";
import { queueForReview } from "@/lib/review/queue-for-review";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { INSTRUCTION_VARIANTS, instructions, trajectories } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";
import { runFilters } from "../filters/run-filters";
import type { FilterInput, FilterReason } from "../filters/types";
import { getAnnotator, type Annotator } from "./annotator-port";
import { gatewayAnnotator } from "./gateway-annotator";
import { preparePair } from "./prepare-pair";

export const annotateTrajectoryInput = z.object({ trajectoryId: z.uuid(), version: z.number().int().min(1) });

export type AnnotateResult = {
  trajectoryId: string;
  version: number;
  status: "in_review" | "filtered_out";
  reasons: FilterReason[];
  skipped: boolean;
};

/**
 * The annotation pipeline for one trajectory: render the pair at preview
 * size → annotate (three intention lengths + reasoning) → filter → review
 * queue (`in_review`) or `filtered_out` with every reason. Writes version
 * `version` as new rows and never touches earlier versions; a version that
 * already exists is left as is, so a retried job writes nothing twice.
 */
export async function annotateTrajectory({
  ctx,
  input,
  annotator,
  consistencyCheck,
}: {
  ctx: Ctx;
  input: z.input<typeof annotateTrajectoryInput>;
  annotator?: Annotator;
  consistencyCheck?: (input: FilterInput) => Promise<FilterReason | null>;
}): Promise<AnnotateResult> {
  const { trajectoryId, version } = parseInput(annotateTrajectoryInput, input);
  const [t] = await ctx.db.select().from(trajectories).where(eq(trajectories.id, trajectoryId)).limit(1);
  if (!t) throw new AppError("NOT_FOUND", `No trajectory ${trajectoryId}`);
  const [existing] = await ctx.db
    .select({ status: instructions.status, reasons: instructions.filterReasons })
    .from(instructions)
    .where(and(eq(instructions.trajectoryId, trajectoryId), eq(instructions.version, version)))
    .limit(1);
  if (existing)
    return {
      trajectoryId,
      version,
      status: existing.status === "filtered_out" ? "filtered_out" : "in_review",
      reasons: existing.reasons,
      skipped: true,
    };

  const store = getBlobStore();
  const beforeBytes = await store.get(t.sourceSha);
  if (!beforeBytes) throw new AppError("NOT_FOUND", `Before image ${t.sourceSha} is missing from storage`);
  // A supplied after image is the real I; an engine render is re-done at preview size (cheaper than decoding the full render).
  const afterBytes = t.targetSha && !t.targetRendered ? await store.get(t.targetSha) : null;
  const params = t.params as DevelopParams;
  const pair = await preparePair({ beforeBytes, afterBytes, params });

  const annotation = await (annotator ?? getAnnotator(gatewayAnnotator(ctx)))({ trajectoryId, params, ...pair });
  const reasons = await runFilters({ params, intentions: annotation.intentions, reasoning: annotation.reasoning }, { consistencyCheck });
  const status: AnnotateResult["status"] = reasons.length > 0 ? "filtered_out" : "in_review";

  await ctx.db.transaction(async (tx) => {
    const rows = INSTRUCTION_VARIANTS.map((variant) => ({
      trajectoryId,
      version,
      variant,
      text: annotation.intentions[variant],
      reasoning: annotation.reasoning,
      modelId: annotation.model.id,
      modelName: annotation.model.name,
      backend: annotation.model.backend,
      promptVersion: annotation.promptVersion,
      status,
      filterReasons: reasons,
    }));
    const inserted = await tx.insert(instructions).values(rows).onConflictDoNothing().returning({ id: instructions.id });
    // A concurrent run of the same version got there first: its rows and status stand.
    if (inserted.length === 0) return;
    await tx
      .update(trajectories)
      .set({ status, error: null, updatedAt: sql`now()` })
      .where(eq(trajectories.id, trajectoryId));
    if (status === "in_review")
      await queueForReview({ ctx: { ...ctx, db: tx }, input: { trajectoryIds: [trajectoryId], fresh: version > 1 } });
  });
  return { trajectoryId, version, status, reasons, skipped: false };
}

/** Records a pipeline failure on the trajectory so the browser can show and filter it. */
export async function markAnnotationFailed({ ctx, input }: { ctx: Ctx; input: { trajectoryId: string; error: string } }) {
  await ctx.db
    .update(trajectories)
    .set({ status: "failed", error: input.error.slice(0, 500), updatedAt: sql`now()` })
    .where(eq(trajectories.id, input.trajectoryId));
}
