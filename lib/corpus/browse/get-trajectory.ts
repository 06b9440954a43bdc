import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { imports, instructions, reviews, trajectories } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { describeEdit, diffParams } from "@/lib/edits";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

const input = z.object({ id: z.uuid("not a trajectory id") });

/**
 * Everything the detail page shows: the trajectory, its edit in words and
 * as a table of changes, every instruction version (newest first) with
 * its reviews, the render fidelity and the import it came from.
 */
export async function getTrajectoryOrThrow({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { id } = parseInput(input, raw);
  const [t] = await ctx.db.select().from(trajectories).where(eq(trajectories.id, id)).limit(1);
  if (!t) throw new AppError("NOT_FOUND", `No trajectory ${id}`);
  const params = t.params as DevelopParams;
  const rows = await ctx.db
    .select()
    .from(instructions)
    .where(eq(instructions.trajectoryId, id))
    .orderBy(desc(instructions.version), asc(instructions.createdAt));
  const reviewRows = rows.length
    ? await ctx.db
        .select()
        .from(reviews)
        .where(
          inArray(
            reviews.instructionId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(reviews.createdAt))
    : [];
  const [run] = t.importId ? await ctx.db.select().from(imports).where(eq(imports.id, t.importId)).limit(1) : [];
  const versions = [...new Set(rows.map((r) => r.version))].map((version) => {
    const variants = rows.filter((r) => r.version === version);
    return {
      version,
      model: variants[0].modelName,
      backend: variants[0].backend,
      promptVersion: variants[0].promptVersion,
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
  const changes = diffParams({}, params).map((c) => ({ key: c.key, from: show(c.from), to: show(c.to), delta: c.delta ?? null }));
  return {
    trajectory: { ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() },
    description: describeEdit(params),
    changes,
    versions,
    importSource: run ? { id: run.id, source: run.source, kind: run.kind } : null,
  };
}

function show(v: unknown): string {
  if (Array.isArray(v)) return v.length > 4 ? `${v.length} items` : JSON.stringify(v);
  if (v && typeof v === "object") return JSON.stringify(v).slice(0, 80);
  return String(v);
}
