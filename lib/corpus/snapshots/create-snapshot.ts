import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { snapshots } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { corpusFilterSchema, filterConditions, whereOf } from "../browse/corpus-filter";

export const createSnapshotInput = z.object({
  name: z.string().trim().min(1).max(200),
  filter: corpusFilterSchema.default({}),
  /** Leave the test split out (the default): benchmarks draw from it, training exports must not. */
  excludeTest: z.boolean().default(true),
});

/**
 * Freezes the current selection as an immutable, content-hashed snapshot:
 * the manifest is one line `id\tparams_hash\tsplit\tcategory` per
 * trajectory, sorted by id, and the snapshot's hash is the sha256 of those
 * lines joined with `\n` (computed in Postgres, so 200k rows never cross
 * the wire). Excluded trajectories are never included. The same selection
 * twice gives the same hash and returns the existing snapshot.
 */
export async function createSnapshot({ ctx, input }: { ctx: Ctx; input: z.input<typeof createSnapshotInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { name, filter, excludeTest } = parseInput(createSnapshotInput, input);
  const conditions = [...filterConditions({ ...filter, excluded: undefined }), sql`not t.excluded`];
  if (excludeTest) conditions.push(sql`t.split <> 'test'`);
  const where = whereOf(conditions);

  return ctx.db.transaction(async (tx) => {
    const [summary] = (await tx.execute(sql`
      select count(*)::int as n,
             encode(sha256(convert_to(coalesce(string_agg(
               t.id::text || E'\t' || coalesce(t.params_hash, '') || E'\t' || t.split || E'\t' || t.category, E'\n' order by t.id), ''), 'UTF8')), 'hex') as hash,
             jsonb_build_object(
               'train', count(*) filter (where t.split = 'train'), 'val', count(*) filter (where t.split = 'val'), 'test', count(*) filter (where t.split = 'test'),
               'quality', count(*) filter (where t.category = 'quality'), 'style', count(*) filter (where t.category = 'style'), 'local', count(*) filter (where t.category = 'local')
             ) as counts
      from trajectories t ${where}`)) as unknown as { n: number; hash: string; counts: Record<string, number> }[];
    if (summary.n === 0) throw new AppError("VALIDATION", "The selection is empty; nothing to snapshot");
    const [existing] = await tx.select().from(snapshots).where(eq(snapshots.hash, summary.hash)).limit(1);
    if (existing) return { snapshot: existing, created: false };

    const [snapshot] = await tx
      .insert(snapshots)
      .values({
        name,
        hash: summary.hash,
        filter: { ...filter, excludeTest },
        counts: summary.counts,
        itemCount: summary.n,
        createdBy: ctx.actor?.id ?? null,
      })
      .returning();
    await tx.execute(sql`
      insert into snapshot_items (snapshot_id, trajectory_id, params_hash, split, category)
      select ${snapshot.id}::uuid, t.id, coalesce(t.params_hash, ''), t.split, t.category from trajectories t ${where}`);
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "corpus.snapshot",
      subjectType: "snapshot",
      subjectId: snapshot.id,
      data: { hash: snapshot.hash, items: summary.n },
    });
    return { snapshot, created: true };
  });
}
