import "server-only";
import { and, eq, or } from "drizzle-orm";
import { candidates, labels, pairs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

/** Whether the actor sees everything about candidates (origin, model, any candidate). */
export const seesAllCandidates = (actor: Actor): boolean => actor.role === "researcher" || actor.role === "admin";

/**
 * Throws FORBIDDEN unless `actor` may open this candidate's params and render: researchers any;
 * everyone else only a member of a pair they have already voted on (so nothing leaks before the
 * vote) or a fix they made themselves.
 */
export async function assertCandidateVisible(ctx: Ctx, actor: Actor, candidateId: string): Promise<void> {
  if (seesAllCandidates(actor)) return;
  const [voted] = await ctx.db
    .select({ id: labels.id })
    .from(labels)
    .innerJoin(pairs, eq(pairs.id, labels.pairId))
    .where(and(eq(labels.userId, actor.id), or(eq(pairs.strongId, candidateId), eq(pairs.weakId, candidateId))))
    .limit(1);
  if (voted) return;
  const [own] = await ctx.db
    .select({ id: candidates.id })
    .from(candidates)
    .where(and(eq(candidates.id, candidateId), eq(candidates.createdBy, actor.id)))
    .limit(1);
  if (!own) throw new AppError("FORBIDDEN", "You can open a candidate once you have voted on its pair");
}
