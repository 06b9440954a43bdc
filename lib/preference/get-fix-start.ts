import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { candidates, trajectories } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

/** What "Fix it" opens the sliders with: the candidate's params and the source to render them on. */
export async function getFixStart({ ctx, input }: { ctx: Ctx; input: { candidateId: string } }) {
  requireActor(ctx.actor);
  const { candidateId } = parseInput(z.object({ candidateId: z.uuid() }), input);
  const [row] = await ctx.db
    .select({ params: candidates.params, sourceSha: trajectories.sourceSha })
    .from(candidates)
    .innerJoin(trajectories, eq(trajectories.id, candidates.trajectoryId))
    .where(eq(candidates.id, candidateId));
  if (!row) throw new AppError("NOT_FOUND", `No candidate ${candidateId}`);
  return { candidateId, params: row.params as DevelopParams, sourceSha: row.sourceSha };
}
