import "server-only";
import { sql } from "drizzle-orm";
import type { Ctx } from "@/lib/context";
import type { PairItem } from "./types";

/**
 * Strong/weak pairs for reward-model exports: `train`-split pairs only (the
 * `accuracy` split is held out to measure reward models), both members
 * rendered, optionally limited to a snapshot's trajectories and/or a round,
 * and to policy pairs of rounds before a given one.
 * The SFT target's metrics and scores come from the pair's latest unswapped
 * model label when there is one.
 */
export async function loadPairItems({
  ctx,
  snapshotId,
  round,
  policyRoundsBefore,
}: {
  ctx: Ctx;
  snapshotId?: string;
  round?: number;
  policyRoundsBefore?: number;
}): Promise<PairItem[]> {
  const inSnapshot = snapshotId
    ? sql`and exists (select 1 from snapshot_items si where si.snapshot_id = ${snapshotId}::uuid and si.trajectory_id = t.id)`
    : sql``;
  const inRound = round !== undefined ? sql`and p.round = ${round}` : sql``;
  const earlierPolicies = policyRoundsBefore !== undefined ? sql`and (p.origin <> 'policy' or p.round < ${policyRoundsBefore})` : sql``;
  const rows = (await ctx.db.execute(sql`
    select p.id::text as pair_id, p.origin, p.round, coalesce(i.final_text, i.text) as text, t.id::text as trajectory_id, t.split, t.source_sha, img.format,
           cs.image_key as strong_key, cw.image_key as weak_key, l.metrics, l.score_strong, l.score_weak
    from pairs p
    join instructions i on i.id = p.instruction_id
    join trajectories t on t.id = i.trajectory_id
    join images img on img.sha256 = t.source_sha
    join candidates cs on cs.id = p.strong_id
    join candidates cw on cw.id = p.weak_id
    left join lateral (
      select metrics, score_strong, score_weak from labels
      where pair_id = p.id and labeler_kind = 'model' and not swapped order by created_at desc limit 1) l on true
    where p.split = 'train' and cs.image_key is not null and cw.image_key is not null ${inSnapshot} ${inRound} ${earlierPolicies}
    order by p.id`)) as unknown as {
    pair_id: string;
    origin: string;
    round: number;
    text: string;
    trajectory_id: string;
    split: string;
    source_sha: string;
    format: string;
    strong_key: string;
    weak_key: string;
    metrics: { metrics?: { name: string; description: string }[] } | null;
    score_strong: number | null;
    score_weak: number | null;
  }[];
  return rows.map((r) => ({
    pairId: r.pair_id,
    trajectoryId: r.trajectory_id,
    instruction: r.text,
    original: { sha256: r.source_sha, format: r.format },
    // Candidates are develop-engine renders, stored as JPEG.
    strong: { sha256: r.strong_key, format: "jpeg" },
    weak: { sha256: r.weak_key, format: "jpeg" },
    weakSource: r.origin === "policy" ? `policy@${r.round}` : r.origin,
    split: r.split,
    ...(Array.isArray(r.metrics?.metrics) ? { metrics: r.metrics.metrics } : {}),
    ...(r.score_strong !== null && r.score_weak !== null ? { scores: { strong: r.score_strong, weak: r.score_weak } } : {}),
  }));
}
