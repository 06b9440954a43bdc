import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { type z } from "zod";
import { corpusCounts } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { corpusFilterSchema, filterConditions, whereOf } from "./corpus-filter";

/** Counting past this many matches stops; the UI says "10,000+". */
export const COUNT_CAP = 10_000;

/**
 * How many trajectories a browser filter matches. Filters on status,
 * category and split only are answered exactly from `corpus_counts` (no
 * scan); any other filter counts matching rows up to COUNT_CAP.
 */
export async function countMatching({ ctx, input }: { ctx: Ctx; input: z.input<typeof corpusFilterSchema> }) {
  requireRole(ctx.actor, ["researcher"]);
  const filter = parseInput(corpusFilterSchema, input);
  const dims = ["status", "category", "split"] as const;
  const onlyDims = Object.entries(filter).every(([k, v]) => v === undefined || (dims as readonly string[]).includes(k));
  if (onlyDims) {
    const where: SQL[] = [];
    if (filter.status) where.push(eq(corpusCounts.status, filter.status));
    if (filter.category) where.push(eq(corpusCounts.category, filter.category));
    if (filter.split) where.push(eq(corpusCounts.split, filter.split));
    const [row] = await ctx.db
      .select({ n: sql<number>`coalesce(sum(${corpusCounts.n}), 0)::int` })
      .from(corpusCounts)
      .where(where.length ? and(...where) : undefined);
    return { matching: row.n, capped: false };
  }
  const [row] = (await ctx.db.execute(sql`
    select count(*)::int as n from (select 1 from trajectories t ${whereOf(filterConditions(filter))} limit ${COUNT_CAP + 1}) m`)) as unknown as {
    n: number;
  }[];
  return { matching: Math.min(row.n, COUNT_CAP), capped: row.n > COUNT_CAP };
}
