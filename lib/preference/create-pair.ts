import "server-only";
import { and, eq } from "drizzle-orm";
import { pairs, type PairOrigin, type PerturbationKind } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { enqueue } from "@/lib/queue";
import { enqueueItems } from "@/lib/review/queue";
import { compareOverlap, GOLD_MIN_DISTANCE } from "./config";
import { paramDistance } from "./param-distance";
import type { Candidate } from "./render-candidate";

/** Kinds whose large versions have an answer every careful person gives (over-edits and casts are matters of degree). */
const GOLD_KINDS: readonly (PerturbationKind | null)[] = ["omit", "scale_down", "wrong_direction"];

export type Pair = typeof pairs.$inferSelect;

/**
 * Stores (strong ≻ weak) for an instruction. Both members must come from the
 * same renderer, or the pair would teach "which renderer" instead of "which
 * edit". Idempotent on (strong, weak).
 */
export async function insertPair({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: {
    instructionId: string;
    strong: Candidate;
    weak: Candidate;
    origin: PairOrigin;
    round: number;
    split: "train" | "accuracy";
    createdBy?: string | null;
  };
}): Promise<Pair> {
  const { strong, weak } = input;
  if (strong.renderer !== weak.renderer) {
    throw new AppError("CONFLICT", `Pair members come from different renderers (${strong.renderer} vs ${weak.renderer})`);
  }
  const gold =
    input.origin === "perturbed" &&
    GOLD_KINDS.includes(weak.kind) &&
    paramDistance(strong.params as DevelopParams, weak.params as DevelopParams) >= GOLD_MIN_DISTANCE;
  const [row] = await ctx.db
    .insert(pairs)
    .values({
      instructionId: input.instructionId,
      strongId: strong.id,
      weakId: weak.id,
      origin: input.origin,
      kind: weak.kind,
      round: input.round,
      gold,
      goldAnswer: gold ? "strong" : null,
      split: input.split,
      renderer: strong.renderer,
      createdBy: input.createdBy ?? null,
    })
    .onConflictDoNothing()
    .returning();
  // Ordinary pairs go to the human compare queue (k labels each); gold pairs are mixed in by nextComparePair.
  if (row && !row.gold)
    await enqueueItems({ ctx: { ...ctx, system: true }, input: { kind: "compare", itemIds: [row.id], overlap: compareOverlap() } });
  if (row) {
    // The reward model labels every new pair; if Redis is down the sweeper queues it later.
    await enqueue("judge-pair", { pairId: row.id }).catch(() => undefined);
    return row;
  }
  const [existing] = await ctx.db
    .select()
    .from(pairs)
    .where(and(eq(pairs.strongId, strong.id), eq(pairs.weakId, weak.id)))
    .limit(1);
  return existing;
}
