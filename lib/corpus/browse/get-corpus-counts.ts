import "server-only";
import { corpusCounts } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

export type CorpusCounts = {
  total: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  bySplit: Record<string, number>;
  /** status → category → count, for the dashboard's matrix. */
  byStatusCategory: Record<string, Record<string, number>>;
};

/**
 * Trajectory counts for the dashboard and the browser header, read from
 * `corpus_counts` (kept exact by triggers) — a few dozen rows, never a
 * scan of the corpus.
 */
export async function getCorpusCounts({ ctx }: { ctx: Ctx }): Promise<CorpusCounts> {
  if (!ctx.system) requireActor(ctx.actor);
  const rows = await ctx.db.select().from(corpusCounts);
  const out: CorpusCounts = { total: 0, byStatus: {}, byCategory: {}, bySplit: {}, byStatusCategory: {} };
  for (const { status, category, split, n } of rows) {
    if (n === 0) continue;
    out.total += n;
    out.byStatus[status] = (out.byStatus[status] ?? 0) + n;
    out.byCategory[category] = (out.byCategory[category] ?? 0) + n;
    out.bySplit[split] = (out.bySplit[split] ?? 0) + n;
    (out.byStatusCategory[status] ??= {})[category] = (out.byStatusCategory[status][category] ?? 0) + n;
  }
  return out;
}
