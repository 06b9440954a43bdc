import "server-only";
import { inArray } from "drizzle-orm";
import { z } from "zod";
import { evalRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { pairedBootstrap, type PairedDifference } from "../stats/bootstrap";
import { loadScoredItems } from "./load-scored-items";
import { ALL_METRICS, metricValue, type MetricKey } from "./metric-columns";

export const compareRunsInput = z.object({ a: z.uuid(), b: z.uuid() }).refine((v) => v.a !== v.b, "pick two different runs");

/**
 * Paired bootstrap of run A − run B on one benchmark, per split and metric,
 * over the items both runs scored: mean difference, 95% interval, a
 * two-sided bootstrap p, and `significant` when the interval excludes 0.
 * `aBetter` reads the sign with the metric's direction.
 */
export async function compareRuns({ ctx, input }: { ctx: Ctx; input: z.input<typeof compareRunsInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { a, b } = parseInput(compareRunsInput, input);
  const runs = await ctx.db
    .select()
    .from(evalRuns)
    .where(inArray(evalRuns.id, [a, b]));
  const runA = runs.find((r) => r.id === a);
  const runB = runs.find((r) => r.id === b);
  if (!runA || !runB) throw new AppError("NOT_FOUND", "No such eval run");
  if (runA.benchmarkId !== runB.benchmarkId) throw new AppError("VALIDATION", "Runs on different benchmarks cannot be paired");
  const items = await loadScoredItems(ctx, [a, b]);
  const byItemB = new Map((items.get(b) ?? []).map((i) => [i.itemId, i]));
  const pairs = (items.get(a) ?? []).flatMap((i) => {
    const other = byItemB.get(i.itemId);
    return other ? [{ a: i, b: other }] : [];
  });
  const splits = [...new Set(pairs.map((p) => p.a.split))].sort();
  const groups = splits.length > 1 ? [...splits, "overall"] : splits;

  const result: Record<string, Partial<Record<MetricKey, PairedDifference & { aBetter: boolean }>>> = {};
  for (const group of groups) {
    const inGroup = group === "overall" ? pairs : pairs.filter((p) => p.a.split === group);
    result[group] = {};
    for (const m of ALL_METRICS) {
      const va: number[] = [];
      const vb: number[] = [];
      for (const p of inGroup) {
        const x = metricValue(p.a, m.key);
        const y = metricValue(p.b, m.key);
        if (x !== null && y !== null) {
          va.push(x);
          vb.push(y);
        }
      }
      if (va.length === 0) continue;
      const d = pairedBootstrap(va, vb);
      result[group][m.key] = { ...d, aBetter: m.better === "lower" ? d.mean < 0 : d.mean > 0 };
    }
  }
  return { a: { id: a, modelName: runA.modelName }, b: { id: b, modelName: runB.modelName }, paired: pairs.length, groups, result };
}
