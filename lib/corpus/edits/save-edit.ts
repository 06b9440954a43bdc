import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { trajectories, trajectoryEdits } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { ENGINE_VERSION } from "@/lib/develop";
import { canonicalParams, isErrorIssue, normalizeParams, type DevelopParams } from "@/lib/develop/params";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { paramsHashOf } from "../import/content-key";

export const saveEditInput = z.object({
  trajectoryId: z.uuid("not a trajectory id"),
  params: z
    .record(z.string().max(100), z.unknown())
    .refine((p) => JSON.stringify(p).length <= 200_000, "params are too large (200 kB max)"),
  basedOn: z.uuid("not an edit id").optional(),
});

/**
 * Saves develop parameters as a NEW edit version of a trajectory (Develop page "Save", the
 * preference work's "Fix it"): the trajectory's own params are never overwritten. Params are
 * normalised to canonical Lightroom keys; wrong types / malformed values are a VALIDATION error
 * (clamped or converted values are stored as normalised). `basedOn` must be an edit of the same
 * trajectory. Version = previous max + 1, in one transaction (a concurrent save retries once).
 */
export async function saveEdit({ ctx, input }: { ctx: Ctx; input: z.input<typeof saveEditInput> }) {
  // Annotators see only the items they are assigned (blind review), so opening any trajectory is for reviewers and researchers.
  requireRole(ctx.actor, ["reviewer", "researcher"]);
  const parsed = parseInput(saveEditInput, input);
  const { params: normalized, issues } = normalizeParams(parsed.params);
  const bad = issues.filter(isErrorIssue).filter((i) => i.code !== "out_of_range");
  if (bad.length > 0) throw new AppError("VALIDATION", `Invalid params — ${bad.map((i) => i.message).join("; ")}`, { issues: bad });
  const params = canonicalParams(normalized) as DevelopParams;
  const attempt = () =>
    ctx.db.transaction(async (tx) => {
      const [t] = await tx.select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.id, parsed.trajectoryId)).limit(1);
      if (!t) throw new AppError("NOT_FOUND", `No trajectory ${parsed.trajectoryId}`);
      if (parsed.basedOn) {
        const [base] = await tx
          .select({ id: trajectoryEdits.id })
          .from(trajectoryEdits)
          .where(and(eq(trajectoryEdits.id, parsed.basedOn), eq(trajectoryEdits.trajectoryId, parsed.trajectoryId)))
          .limit(1);
        if (!base) throw new AppError("NOT_FOUND", `No edit ${parsed.basedOn} on trajectory ${parsed.trajectoryId}`);
      }
      const [{ next }] = await tx
        .select({ next: sql<number>`coalesce(max(${trajectoryEdits.version}), 0) + 1` })
        .from(trajectoryEdits)
        .where(eq(trajectoryEdits.trajectoryId, parsed.trajectoryId));
      const [row] = await tx
        .insert(trajectoryEdits)
        .values({
          trajectoryId: parsed.trajectoryId,
          version: Number(next),
          params: params as Record<string, unknown>,
          paramsHash: paramsHashOf(params),
          basedOn: parsed.basedOn ?? null,
          engineVersion: ENGINE_VERSION,
          createdBy: ctx.actor!.id,
        })
        .returning();
      await recordAudit({
        ctx: { ...ctx, db: tx },
        action: "corpus.save-edit",
        subjectType: "trajectory",
        subjectId: parsed.trajectoryId,
        data: { editId: row.id, version: row.version },
      });
      return row;
    });
  try {
    return await attempt();
  } catch (e) {
    if ((e as { code?: string }).code === "23505") return attempt();
    throw e;
  }
}

/** Saved edits of a trajectory, newest first. */
export async function listEdits({ ctx, input }: { ctx: Ctx; input: { trajectoryId: string } }) {
  // Annotators see only the items they are assigned (blind review), so opening any trajectory is for reviewers and researchers.
  requireRole(ctx.actor, ["reviewer", "researcher"]);
  const { trajectoryId } = parseInput(z.object({ trajectoryId: z.uuid("not a trajectory id") }), input);
  return ctx.db
    .select()
    .from(trajectoryEdits)
    .where(eq(trajectoryEdits.trajectoryId, trajectoryId))
    .orderBy(sql`${trajectoryEdits.version} desc`);
}
