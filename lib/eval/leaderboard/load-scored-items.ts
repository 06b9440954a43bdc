import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import { benchmarkItems, evalItems } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { ScoredItem } from "./metric-columns";

/** The scored (not failed) items of `runIds`, grouped by run. */
export async function loadScoredItems(ctx: Ctx, runIds: string[]): Promise<Map<string, ScoredItem[]>> {
  const byRun = new Map<string, ScoredItem[]>(runIds.map((id) => [id, []]));
  if (runIds.length === 0) return byRun;
  const rows = await ctx.db
    .select({
      runId: evalItems.runId,
      itemId: evalItems.itemId,
      split: benchmarkItems.split,
      metrics: evalItems.metrics,
      sc: evalItems.sc,
      pq: evalItems.pq,
      o: evalItems.o,
      ruleReward: evalItems.ruleReward,
    })
    .from(evalItems)
    .innerJoin(benchmarkItems, eq(benchmarkItems.id, evalItems.itemId))
    .where(and(inArray(evalItems.runId, runIds), ne(evalItems.parseStatus, "failed")))
    .orderBy(benchmarkItems.position);
  for (const { runId, ruleReward, ...item } of rows) byRun.get(runId)?.push({ ...item, rule: ruleReward?.total ?? null });
  return byRun;
}
