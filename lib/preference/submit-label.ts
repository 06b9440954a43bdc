import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { candidates, labels, pairs } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { completeSlot } from "@/lib/review/queue";
import { leftMemberFor, memberOfSide } from "./blind-side";

/** Aspects a labeler may tick as the reason for a choice (the optional metric boxes). */
export const LABEL_METRICS = ["follows-instruction", "exposure-tone", "color", "natural-look", "artifacts"] as const;

export const submitLabelInput = z.object({
  pairId: z.uuid(),
  choice: z.enum(["a", "b", "tie", "both_bad"]),
  strength: z.enum(["slightly", "clearly"]).nullish(),
  metrics: z.array(z.enum(LABEL_METRICS)).max(LABEL_METRICS.length).default([]),
  durationMs: z.number().int().min(0).max(86_400_000).nullish(),
});

/** What the labeler learns after voting: the pair's provenance, and for gold pairs whether they were right. */
export type Reveal = {
  pairId: string;
  duplicate: boolean;
  choice: "strong" | "weak" | "tie" | "both_bad";
  strongSide: "a" | "b";
  origin: string;
  kind: string | null;
  round: number;
  gold: boolean;
  correct: boolean | null;
  weak: { origin: string; strategy: string | null; modelName: string | null };
  /** The candidate judged better (the one "Fix it" starts from), null for tie / both bad. */
  betterCandidateId: string | null;
};

/**
 * Records a person's verdict. Sides are recomputed on the server from
 * (pair, user), never taken from the browser. The label row and the lease
 * slot commit together; a double submit writes one row (unique (pair, user)).
 */
export async function submitLabel({ ctx, input }: { ctx: Ctx; input: z.input<typeof submitLabelInput> }): Promise<Reveal> {
  const actor = requireActor(ctx.actor);
  const v = parseInput(submitLabelInput, input);
  // The pair and its weak candidate (what the reveal names) in one round trip.
  const [found] = await ctx.db
    .select({ pair: pairs, weak: { origin: candidates.origin, strategy: candidates.strategy, modelName: candidates.modelName } })
    .from(pairs)
    .innerJoin(candidates, eq(candidates.id, pairs.weakId))
    .where(eq(pairs.id, v.pairId))
    .limit(1);
  if (!found) throw new AppError("NOT_FOUND", `No pair ${v.pairId}`);
  const { pair, weak } = found;
  const leftWas = leftMemberFor(pair.id, actor.id);
  const choice = v.choice === "a" || v.choice === "b" ? memberOfSide(v.choice, leftWas) : v.choice;

  const duplicate = await ctx.db.transaction(async (tx) => {
    if (!pair.gold) {
      const slot = await completeSlot({ ctx: { ...ctx, db: tx }, input: { kind: "compare", itemId: pair.id } });
      if (slot.outcome === "duplicate") return true;
    }
    const inserted = await tx
      .insert(labels)
      .values({
        pairId: pair.id,
        labelerKind: "human",
        userId: actor.id,
        choice,
        strength: choice === "strong" || choice === "weak" ? (v.strength ?? null) : null,
        leftWas,
        metrics: { reasons: v.metrics },
        durationMs: v.durationMs ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: labels.id });
    return inserted.length === 0;
  });
  // A repeat reveals what was stored the first time (the first click wins).
  const [stored] = duplicate
    ? await ctx.db
        .select({ choice: labels.choice })
        .from(labels)
        .where(and(eq(labels.pairId, pair.id), eq(labels.userId, actor.id)))
        .limit(1)
    : [];
  const final = stored?.choice ?? choice;
  return {
    pairId: pair.id,
    duplicate,
    choice: final,
    strongSide: leftWas === "strong" ? "a" : "b",
    origin: pair.origin,
    kind: pair.kind,
    round: pair.round,
    gold: pair.gold,
    correct: pair.gold ? final === pair.goldAnswer : null,
    weak: { origin: weak.origin, strategy: weak.strategy, modelName: weak.modelName },
    betterCandidateId: final === "strong" ? pair.strongId : final === "weak" ? pair.weakId : null,
  };
}
