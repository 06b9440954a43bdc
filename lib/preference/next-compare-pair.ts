import "server-only";
import { and, eq, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import { instructions, labels, pairs, reviews, trajectories } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { claimNext } from "@/lib/review/queue";
import { goldRate } from "./config";

export const nextComparePairInput = z.object({ exclude: z.array(z.uuid()).max(50).default([]) });

/** What the labeler sees before voting: nothing about origin, model, round or gold. */
export type BlindPair = { pairId: string; instruction: string; sourceSha: string; expiresAt: string | null; position: number };

/**
 * The next pair for the actor. Gold pairs (known answer) are mixed in at
 * `goldRate()`: every k-th item of a person's stream is a gold pair they have
 * not labelled (gold pairs sit outside the lease queue; everyone may label
 * each one). Otherwise the shared work queue hands out a leased pair.
 */
export async function nextComparePair({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: z.input<typeof nextComparePairInput>;
}): Promise<BlindPair | null> {
  const actor = requireActor(ctx.actor);
  const { exclude } = parseInput(nextComparePairInput, input);
  const done = await ctx.db.$count(labels, and(eq(labels.userId, actor.id), eq(labels.labelerKind, "human")));
  const rate = goldRate();
  const every = rate > 0 ? Math.max(1, Math.round(1 / rate)) : 0;
  // Deterministic schedule: item n (1-based) is gold when n is a multiple of `every`.
  if (every && (done + 1) % every === 0) {
    const gold = await pickGold(ctx, actor.id, exclude);
    if (gold) return blind(ctx, gold, null, done);
  }
  const lease = await claimNext({ ctx, input: { kind: "compare", exclude } });
  if (lease) return blind(ctx, lease.itemId, lease.expiresAt.toISOString(), done);
  const gold = every ? await pickGold(ctx, actor.id, exclude) : null;
  return gold ? blind(ctx, gold, null, done) : null;
}

async function pickGold(ctx: Ctx, userId: string, exclude: string[]): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: pairs.id })
    .from(pairs)
    .where(
      and(
        eq(pairs.gold, true),
        exclude.length ? sql`${pairs.id} not in (select jsonb_array_elements_text(${JSON.stringify(exclude)}::jsonb)::uuid)` : undefined,
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(labels)
            .where(and(eq(labels.pairId, pairs.id), eq(labels.userId, userId))),
        ),
      ),
    )
    // A per-user shuffle so annotators do not all see the same gold item first.
    .orderBy(sql`md5(${pairs.id}::text || ${userId})`)
    .limit(1);
  return row?.id ?? null;
}

/** One round trip: the pair's instruction (a reviewer's rewrite wins, as in loadInstruction) and source. */
async function blind(ctx: Ctx, pairId: string, expiresAt: string | null, done: number): Promise<BlindPair> {
  const [row] = await ctx.db
    .select({
      text: sql<string>`coalesce((select r.edited_text from ${reviews} r where r.instruction_id = ${instructions.id} and r.edited_text is not null order by r.created_at desc limit 1), ${instructions.text})`,
      sourceSha: trajectories.sourceSha,
    })
    .from(pairs)
    .innerJoin(instructions, eq(instructions.id, pairs.instructionId))
    .innerJoin(trajectories, eq(trajectories.id, instructions.trajectoryId))
    .where(eq(pairs.id, pairId));
  if (!row) throw new AppError("NOT_FOUND", `No pair ${pairId}`);
  return { pairId, instruction: row.text, sourceSha: row.sourceSha, expiresAt, position: done + 1 };
}
