import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import { whereOf } from "./corpus-filter";

/** A row's place in the browser's keyset order: its exact `created_at` text and id. */
export type KeysetKey = { ts: string; id: string };

const ORDER = sql`order by t.created_at desc nulls last, t.id desc nulls last`;
const after = (k: KeysetKey) => sql`(t.created_at, t.id) < (${k.ts}::timestamptz, ${k.id}::uuid)`;

/** Rows the first walk reads in keyset order before it judges the term rare (≈ 20 ms). */
export const FIRST_WALK_ROWS = 1500;
/** Below this share of matching rows, reading on costs more than going through the trigram index. */
const MIN_WALK_RATE = 0.01;

type Rows = Record<string, unknown>[];
const keys = (rows: Rows): KeysetKey[] => rows.map((r) => ({ ts: r.ts as string, id: r.id as string }));

/**
 * Keys of the first `want` trajectories, in keyset order, that meet `base`
 * and have an instruction meeting `search` (the text search).
 *
 * Postgres cannot estimate how many texts `ILIKE '%term%'` matches (it
 * guesses ~300 for any term), so left alone it always goes through the
 * trigram index: fast for a rare term, but a common one ("harbor", 2.8% of
 * 1M trajectories) becomes 56k instruction rows fetched, grouped and sorted
 * (~700 ms), where reading the newest rows until 101 match takes ~3,600
 * rows. So the search decides from what it sees:
 * 1. walk the filtered keyset order, checking each trajectory's instructions
 *    (a per-row subplan: `offset 0` keeps Postgres from turning it into the
 *    join it would misplan), reading at most {@link FIRST_WALK_ROWS} rows —
 *    a common term fills the page here;
 * 2. if matches were frequent (≥ 1%) but the page is not full, walk on from
 *    where the first walk stopped, as far as that rate says the rest needs
 *    (twice over);
 * 3. otherwise, or if still short, take the rest through the trigram index,
 *    which is cheap exactly when the term is rare.
 * Every step returns rows in keyset order after the previous step's last
 * row, so the page is exactly the one a single query would return.
 */
export async function searchKeys({
  ctx,
  base,
  search,
  want,
  firstWalkRows = FIRST_WALK_ROWS,
}: {
  ctx: Ctx;
  base: SQL[];
  search: { indexed: SQL; perRow: SQL };
  want: number;
  /** Tests shrink it to take every step on a small table. */
  firstWalkRows?: number;
}): Promise<KeysetKey[]> {
  const found: KeysetKey[] = [];
  let from: KeysetKey | null = null;
  let cap = firstWalkRows;
  for (let walk = 0; walk < 2; walk++) {
    const conditions = from ? [...base, after(from)] : base;
    found.push(...(await walkKeys({ ctx, conditions, search: search.perRow, cap, want: want - found.length })));
    if (found.length >= want) return found;
    // The walk's last row; none means it saw every row left, so the page is complete.
    const [last] = keys(
      (await ctx.db.execute(
        sql`select t.created_at::text as ts, t.id from trajectories t ${whereOf(conditions)} ${ORDER} offset ${cap - 1} limit 1`,
      )) as unknown as Rows,
    );
    if (!last) return found;
    from = last;
    const rate = found.length / (walk === 0 ? cap : firstWalkRows + cap);
    if (rate < MIN_WALK_RATE) break;
    cap = Math.ceil(((want - found.length) / rate) * 2);
  }
  const conditions = from ? [...base, after(from)] : base;
  const rest = (await ctx.db.execute(sql`
    select t.id, t.created_at::text as ts from trajectories t
    ${whereOf([...conditions, sql`t.id in (select i.trajectory_id from instructions i where ${search.indexed})`])}
    ${ORDER} limit ${want - found.length}`)) as unknown as Rows;
  return [...found, ...keys(rest)];
}

/** Matches among the next `cap` rows of the filtered keyset order, checked row by row. */
async function walkKeys({ ctx, conditions, search, cap, want }: { ctx: Ctx; conditions: SQL[]; search: SQL; cap: number; want: number }) {
  const rows = (await ctx.db.execute(sql`
    select t.id, t.created_at::text as ts from (
      select t.id, t.created_at from trajectories t ${whereOf(conditions)} ${ORDER} limit ${cap}) t
    where exists (select 1 from instructions i where i.trajectory_id = t.id and ${search} offset 0)
    ${ORDER} limit ${want}`)) as unknown as Rows;
  return keys(rows);
}
