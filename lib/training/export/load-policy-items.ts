import "server-only";
import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import type { PolicyItem } from "./types";

/**
 * Policy samples of a snapshot: every instruction of the latest annotation
 * version of each trajectory, with its source image. Only `accepted`
 * instructions by default; `includeUnreviewed` adds those still in review.
 */
export async function loadPolicyItems({
  ctx,
  snapshotId,
  includeUnreviewed,
}: {
  ctx: Ctx;
  snapshotId: string;
  includeUnreviewed: boolean;
}): Promise<PolicyItem[]> {
  const statuses = includeUnreviewed ? sql`('accepted','in_review')` : sql`('accepted')`;
  const rows = (await ctx.db.execute(sql`
    select i.id::text as sample_id, t.id::text as trajectory_id,
           -- review's final text (a reviewer's edit, or the model's accepted as is) is what trains
           coalesce(i.final_text, i.text) as text, coalesce(i.final_reasoning, i.reasoning) as reasoning, t.source_sha, img.format, t.params, t.split, t.category
    from snapshot_items si
    join trajectories t on t.id = si.trajectory_id
    join images img on img.sha256 = t.source_sha
    join instructions i on i.trajectory_id = t.id
    where si.snapshot_id = ${snapshotId}::uuid and i.status in ${statuses}
      and i.version = (select max(i2.version) from instructions i2 where i2.trajectory_id = t.id)
    order by i.id`)) as unknown as {
    sample_id: string;
    trajectory_id: string;
    text: string;
    reasoning: string;
    source_sha: string;
    format: string;
    params: Record<string, unknown>;
    split: string;
    category: string;
  }[];
  return rows.map((r) => ({
    sampleId: r.sample_id,
    trajectoryId: r.trajectory_id,
    instruction: r.text,
    source: { sha256: r.source_sha, format: r.format },
    params: r.params as PolicyItem["params"],
    reasoning: r.reasoning,
    split: r.split,
    category: r.category,
  }));
}
