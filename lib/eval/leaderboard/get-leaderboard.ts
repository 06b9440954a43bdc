import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { benchmarks, evalRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { bootstrapMean, type Interval } from "../stats/bootstrap";
import { loadScoredItems } from "./load-scored-items";
import { ALL_METRICS, metricValue, TABLE1_METRICS, TABLE2_METRICS, type MetricKey, type ScoredItem } from "./metric-columns";

export const getLeaderboardInput = z.object({ benchmarkId: z.uuid() });

/** One leaderboard cell: mean with its bootstrap 95% interval, and its rank among runs (1 = best, 2 = second). */
export type Cell = Interval & { rank: number | null };

const SPLIT_ORDER = ["quality", "style", "local", "fivek", "all"];

/**
 * The leaderboard of one benchmark: rows = eval runs (models), column groups
 * = splits (plus `overall`), cells = mean ± 95% bootstrap interval over the
 * items (2,000 seeded resamples), ranked per column so the UI can bold the
 * best and underline the second. Failed items are left out (and counted);
 * a metric an item lacks (LPIPS with no scorer) is simply absent.
 * `layout` says which of the paper's tables fits: Table 1 (RetouchEval and
 * manifests) or Table 2 (FiveK).
 */
export async function getLeaderboard({ ctx, input }: { ctx: Ctx; input: z.input<typeof getLeaderboardInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { benchmarkId } = parseInput(getLeaderboardInput, input);
  const [benchmark] = await ctx.db.select().from(benchmarks).where(eq(benchmarks.id, benchmarkId)).limit(1);
  if (!benchmark) throw new AppError("NOT_FOUND", `No benchmark ${benchmarkId}`);
  const runs = await ctx.db.select().from(evalRuns).where(eq(evalRuns.benchmarkId, benchmarkId)).orderBy(asc(evalRuns.createdAt));
  const items = await loadScoredItems(
    ctx,
    runs.map((r) => r.id),
  );

  const splitSet = new Set<string>();
  for (const list of items.values()) for (const i of list) splitSet.add(i.split);
  const splits = [...splitSet].sort((a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b));
  const groups = splits.length > 1 ? [...splits, "overall"] : splits;
  const layout = benchmark.kind === "fivek" ? "table2" : "table1";
  const columns = layout === "table2" ? TABLE2_METRICS : TABLE1_METRICS;

  const rows = runs.map((run) => {
    const list = items.get(run.id) ?? [];
    const cells: Record<string, Partial<Record<MetricKey, Cell>>> = {};
    for (const group of groups) {
      const inGroup = group === "overall" ? list : list.filter((i) => i.split === group);
      cells[group] = {};
      for (const m of ALL_METRICS) {
        const values = valuesOf(inGroup, m.key);
        if (values.length > 0) cells[group][m.key] = { ...bootstrapMean(values), rank: null };
      }
    }
    const failed = run.completed - list.length;
    const rules = list.flatMap((i) => (typeof i.rule === "number" ? [i.rule] : []));
    return {
      run: {
        id: run.id,
        modelName: run.modelName,
        judgeModelName: run.judgeModelName,
        judgePrompt: run.judgePrompt,
        pqWording: run.pqWording,
        scorer: run.scorer,
        status: run.status,
        total: run.total,
        completed: run.completed,
        failed,
        formatFailures: run.formatFailures,
        formatFailureRate: run.completed > 0 ? run.formatFailures / run.completed : null,
        lpips: run.lpipsEndpoint !== null,
        createdAt: run.createdAt,
      },
      cells,
      /** Mean JarvisArt rule reward (format + matching + accuracy + perception) with its interval, for runs scored by it. */
      ruleReward: rules.length > 0 ? bootstrapMean(rules) : null,
    };
  });

  for (const group of groups) {
    for (const m of ALL_METRICS) {
      const ranked = rows
        .map((r) => r.cells[group][m.key])
        .filter((c): c is Cell => c !== undefined)
        .sort((a, b) => (m.better === "lower" ? a.mean - b.mean : b.mean - a.mean));
      ranked.forEach((c, i) => (c.rank = i < 2 && ranked.length > 1 ? i + 1 : null));
    }
  }
  return { benchmark, layout, columns, groups, rows };
}

function valuesOf(items: ScoredItem[], key: MetricKey): number[] {
  const out: number[] = [];
  for (const i of items) {
    const v = metricValue(i, key);
    if (v !== null) out.push(v);
  }
  return out;
}

const rankOf = (split: string) => {
  const i = SPLIT_ORDER.indexOf(split);
  return i < 0 ? SPLIT_ORDER.length : i;
};
