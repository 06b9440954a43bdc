import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { CATEGORIES, workSettings } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { setOverlap } from "./queue";

export const setReviewSettingsInput = z.object({
  /** Annotators per item; applies to waiting items and new ones. */
  overlap: z.number().int().min(1).max(5).optional(),
  /** Priority for waiting items of a category and/or an import; higher goes first. */
  priority: z
    .object({ category: z.enum(CATEGORIES).optional(), importId: z.uuid().optional(), value: z.number().int().min(-100).max(100) })
    .refine((p) => p.category || p.importId, "choose a category or an import")
    .optional(),
});

/** Researcher: set the review overlap and priorities (audited). */
export async function setReviewSettings({ ctx, input }: { ctx: Ctx; input: z.input<typeof setReviewSettingsInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const parsed = parseInput(setReviewSettingsInput, input);
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    const result: { overlap?: number; prioritised?: number } = {};
    if (parsed.overlap) {
      await tx
        .insert(workSettings)
        .values({ kind: "review", overlap: parsed.overlap })
        .onConflictDoUpdate({ target: workSettings.kind, set: { overlap: parsed.overlap, updatedAt: sql`now()` } });
      await setOverlap({ ctx: inner, input: { kind: "review", overlap: parsed.overlap } });
      result.overlap = parsed.overlap;
    }
    if (parsed.priority) {
      const { category, importId, value } = parsed.priority;
      const rows = await tx.execute(sql`
        update work_slots w set priority = ${value}
        from trajectories t
        where w.kind = 'review' and w.item_id = t.id and w.done_at is null
          ${category ? sql`and t.category = ${category}` : sql``}
          ${importId ? sql`and t.import_id = ${importId}` : sql``}
        returning w.item_id`);
      result.prioritised = new Set((rows as unknown as { item_id: string }[]).map((r) => r.item_id)).size;
    }
    await recordAudit({ ctx: inner, action: "review.settings", data: { ...parsed, ...result } });
    return result;
  });
}
