import "server-only";
import { and, eq, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import { candidates, instructions } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { enqueue, requeue } from "@/lib/queue";

export const requestPairsInput = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("perturber"),
    round: z.number().int().min(1).max(1000).default(1),
    limit: z.number().int().min(1).max(5_000).default(500),
  }),
  z.object({
    source: z.literal("policy"),
    round: z.number().int().min(1).max(1000),
    n: z.number().int().min(1).max(16).default(4),
    limit: z.number().int().min(1).max(5_000).default(500),
  }),
]);

/**
 * The researcher's "generate pairs" action: queues perturb jobs for accepted
 * instructions that have no pairs yet, or policy rollouts (n samples, the
 * active policy model, round r) for every accepted instruction.
 */
export async function requestPairs({ ctx, input }: { ctx: Ctx; input: z.input<typeof requestPairsInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const v = parseInput(requestPairsInput, input);
  const base = eq(instructions.status, "accepted");
  const where =
    v.source === "perturber"
      ? and(
          base,
          notExists(
            ctx.db
              .select({ one: sql`1` })
              .from(candidates)
              .where(and(eq(candidates.instructionId, instructions.id), eq(candidates.origin, "perturber"))),
          ),
        )
      : base;
  const rows = await ctx.db.select({ id: instructions.id }).from(instructions).where(where).limit(v.limit);
  for (const { id } of rows) {
    // requeue: these instructions have no weak edit yet, so a finished perturb job of this round is stale (it failed, or its work was lost).
    if (v.source === "perturber") await requeue("perturb", { instructionId: id, round: v.round });
    else await enqueue("rollout", { instructionId: id, n: v.n, round: v.round });
  }
  return { enqueued: rows.length };
}
