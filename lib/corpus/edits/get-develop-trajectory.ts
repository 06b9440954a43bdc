import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { trajectories, trajectoryEdits } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

const input = z.object({ id: z.uuid("not a trajectory id") });

/** What the Develop page needs to open a trajectory: its before image, its edit and its saved edits. */
export async function getDevelopTrajectory({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  // Annotators see only the items they are assigned (blind review), so opening any trajectory is for reviewers and researchers.
  requireRole(ctx.actor, ["reviewer", "researcher"]);
  const { id } = parseInput(input, raw);
  const [t] = await ctx.db
    .select({ id: trajectories.id, sourceSha: trajectories.sourceSha, params: trajectories.params })
    .from(trajectories)
    .where(eq(trajectories.id, id))
    .limit(1);
  if (!t) throw new AppError("NOT_FOUND", `No trajectory ${id}`);
  const edits = await ctx.db
    .select({
      id: trajectoryEdits.id,
      version: trajectoryEdits.version,
      params: trajectoryEdits.params,
      createdAt: trajectoryEdits.createdAt,
    })
    .from(trajectoryEdits)
    .where(eq(trajectoryEdits.trajectoryId, id))
    .orderBy(desc(trajectoryEdits.version))
    .limit(50);
  return { ...t, edits };
}
