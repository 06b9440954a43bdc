import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { imports, instructions, reviews, trajectories } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { canSeeItem } from "@/lib/review/can-see-item";
import { promptName } from "@/lib/review/prompt-name";
import { editChanges } from "./edit-changes";

const input = z.object({ id: z.uuid("not a trajectory id") });

/**
 * Everything the detail page shows: the trajectory, its edit in words and
 * as a table of changes, every instruction version (newest first) with
 * its reviews, the render fidelity and the import it came from.
 */
export async function getTrajectoryOrThrow({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  const actor = requireRole(ctx.actor, ["annotator", "reviewer", "researcher"]);
  const { id } = parseInput(input, raw);
  // Annotators open the items they review, nothing else, and see only their own decisions (blind).
  const blind = actor.role === "annotator";
  if (blind && !(await canSeeItem(ctx, id))) throw new AppError("FORBIDDEN", "Annotators can open the corpus items they review");
  // One round trip's wait instead of four in a row: the trajectory (with its import), its
  // instructions and their reviews are read at once.
  const [[found], rows, reviewRows] = await Promise.all([
    ctx.db
      .select({ t: trajectories, run: { id: imports.id, source: imports.source, kind: imports.kind } })
      .from(trajectories)
      .leftJoin(imports, eq(imports.id, trajectories.importId))
      .where(eq(trajectories.id, id))
      .limit(1),
    ctx.db
      .select()
      .from(instructions)
      .where(eq(instructions.trajectoryId, id))
      .orderBy(desc(instructions.version), asc(instructions.createdAt)),
    ctx.db
      .select({ review: reviews })
      .from(reviews)
      .innerJoin(instructions, eq(instructions.id, reviews.instructionId))
      .where(and(eq(instructions.trajectoryId, id), blind ? eq(reviews.reviewerId, actor.id) : undefined))
      .orderBy(asc(reviews.createdAt))
      .then((joined) => joined.map((r) => r.review)),
  ]);
  if (!found) throw new AppError("NOT_FOUND", `No trajectory ${id}`);
  const { t, run } = found;
  const params = t.params as DevelopParams;
  const versions = [...new Set(rows.map((r) => r.version))].map((version) => {
    const variants = rows.filter((r) => r.version === version);
    return {
      version,
      model: variants[0].modelName,
      backend: variants[0].backend,
      promptVersion: variants[0].promptVersion,
      promptName: promptName(variants[0].promptVersion),
      status: variants[0].status,
      filterReasons: variants[0].filterReasons,
      reasoning: variants[0].reasoning,
      createdAt: variants[0].createdAt.toISOString(),
      variants: variants.map((v) => ({
        id: v.id,
        variant: v.variant,
        text: v.text,
        status: v.status,
        reviews: reviewRows.filter((r) => r.instructionId === v.id).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      })),
    };
  });
  return {
    trajectory: { ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() },
    ...editChanges(params),
    versions,
    importSource: run,
  };
}
