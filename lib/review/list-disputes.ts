import "server-only";
import { sql } from "drizzle-orm";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** Reviewer: open disagreements, oldest first. */
export async function listDisputes({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["reviewer", "researcher"]);
  const rows = (await ctx.db.execute(sql`
    select d.trajectory_id, d.instruction_version, d.created_at, t.category,
           (select count(distinct r.reviewer_id)::int from reviews r join instructions i on i.id = r.instruction_id
             where i.trajectory_id = d.trajectory_id and i.version = d.instruction_version and r.stage = 'annotation') as annotators
    from review_disputes d join trajectories t on t.id = d.trajectory_id
    where d.resolved_at is null order by d.created_at limit 500`)) as unknown as {
    trajectory_id: string;
    instruction_version: number;
    created_at: Date | string;
    category: string;
    annotators: number;
  }[];
  return rows.map((r) => ({
    trajectoryId: r.trajectory_id,
    version: r.instruction_version,
    since: new Date(r.created_at).toISOString(),
    category: r.category,
    annotators: r.annotators,
  }));
}
