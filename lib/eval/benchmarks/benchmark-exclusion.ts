import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { benchmarkItems } from "@/db/schema";
import type { Ctx } from "@/lib/context";

/**
 * A WHERE condition that keeps only trajectories no benchmark uses. Every
 * training exporter (SFT, RL, pair exports, snapshots meant for training)
 * adds it so test items never leak into training data:
 *
 * ```ts
 * db.select().from(trajectories).where(and(eq(trajectories.split, "train"), notInBenchmark(trajectories.id)));
 * ```
 *
 * `trajectoryId` is any column holding a trajectory id (e.g. `pairs.trajectoryId`).
 */
export function notInBenchmark(trajectoryId: AnyColumn | SQL): SQL {
  return sql`not exists (select 1 from ${benchmarkItems} where ${benchmarkItems.trajectoryId} = ${trajectoryId})`;
}

/**
 * The ids of every trajectory any benchmark uses, for exporters that filter in
 * memory rather than in SQL. Prefer {@link notInBenchmark} for large sets.
 */
export async function benchmarkTrajectoryIds(ctx: Ctx): Promise<Set<string>> {
  const rows = await ctx.db
    .selectDistinct({ id: benchmarkItems.trajectoryId })
    .from(benchmarkItems)
    .where(sql`${benchmarkItems.trajectoryId} is not null`);
  return new Set(rows.map((r) => r.id).filter((id): id is string => id !== null));
}
