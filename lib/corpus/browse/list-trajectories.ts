import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { isPgTimestamp } from "@/lib/validation";
import { corpusFilterSchema, filterParts, whereOf } from "./corpus-filter";
import { searchKeys } from "./search-page";

export const listTrajectoriesInput = corpusFilterSchema.extend({
  /** Opaque cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export type TrajectoryListItem = {
  id: string;
  sourceSha: string;
  targetSha: string | null;
  status: string;
  split: string;
  category: string;
  source: string | null;
  hasLocalCorrections: boolean;
  excluded: boolean;
  fidelityDeltaE: number | null;
  shortInstruction: string | null;
  createdAt: string;
};

/** Cursor = the last row's exact `created_at` text (microseconds survive) and id. */
const encodeCursor = (ts: string, id: string) => Buffer.from(`${ts}|${id}`).toString("base64url");
function decodeCursor(cursor: string): { ts: string; id: string } {
  const [ts, id] = Buffer.from(cursor, "base64url").toString().split("|");
  if (!ts || !id || !z.uuid().safeParse(id).success || !isPgTimestamp(ts))
    throw new AppError("VALIDATION", "Invalid cursor; start again from the first page");
  return { ts, id };
}

const idsIn = (keys: { id: string }[]) =>
  keys.length > 0
    ? sql`t.id in (${sql.join(
        keys.map((k) => sql`${k.id}::uuid`),
        sql`, `,
      )})`
    : sql`false`;

/**
 * One page of the corpus browser: filters, newest first, keyset pagination
 * on (created_at, id) so page 1000 costs what page 1 costs. Each row
 * carries its latest short instruction.
 */
export async function listTrajectories({ ctx, input }: { ctx: Ctx; input: z.input<typeof listTrajectoriesInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { cursor, limit, ...filter } = parseInput(listTrajectoriesInput, input);
  const { base, search } = filterParts(filter);
  const conditions = [...base];
  if (cursor) {
    const c = decodeCursor(cursor);
    conditions.push(sql`(t.created_at, t.id) < (${c.ts}::timestamptz, ${c.id}::uuid)`);
  }
  // A text search first finds the page's ids (it plans its own scan, see searchKeys), then reads those rows.
  const where = search ? [idsIn(await searchKeys({ ctx, base: conditions, search, want: limit + 1 }))] : conditions;
  // "nulls last" matches the keyset indexes exactly (the columns are never null), so a
  // filtered page is an index walk that stops after `limit` rows instead of a sort.
  const rows = (await ctx.db.execute(sql`
    select t.id, t.source_sha, t.target_sha, t.status, t.split, t.category, t.source, t.has_local_corrections,
           t.excluded, t.fidelity_delta_e, t.created_at::text as created_at,
           (select i.text from instructions i where i.trajectory_id = t.id and i.variant = 'short'
             order by i.version desc limit 1) as short_instruction
    from trajectories t
    ${whereOf(where)}
    order by t.created_at desc nulls last, t.id desc nulls last
    limit ${limit + 1}`)) as unknown as Record<string, unknown>[];
  const items: TrajectoryListItem[] = rows.slice(0, limit).map((r) => ({
    id: r.id as string,
    sourceSha: r.source_sha as string,
    targetSha: (r.target_sha as string | null) ?? null,
    status: r.status as string,
    split: r.split as string,
    category: r.category as string,
    source: (r.source as string | null) ?? null,
    hasLocalCorrections: r.has_local_corrections as boolean,
    excluded: r.excluded as boolean,
    fidelityDeltaE: (r.fidelity_delta_e as number | null) ?? null,
    shortInstruction: (r.short_instruction as string | null) ?? null,
    createdAt: r.created_at as string,
  }));
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}
