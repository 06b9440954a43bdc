import "server-only";
import { desc } from "drizzle-orm";
import { z } from "zod";
import { rounds, TRAINER_BACKENDS } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { enqueue } from "@/lib/queue";
import { LOCAL_TRAINERS } from "@/lib/training/runs/get-trainers";

export const startRoundInput = z.object({
  /** Defaults to the previous round's snapshot. */
  snapshotId: z.uuid().optional(),
  backend: z.enum(TRAINER_BACKENDS).default("local"),
  engine: z.enum(["easyr1", "verl"]).default("easyr1"),
  /** Local training command (argv with {dataDir} {checkpointDir} {kind} … placeholders); default: `trainer`, else TRAINER_LOCAL_COMMAND or the smoke trainer. */
  command: z.array(z.string().min(1).max(1000)).min(1).max(100).optional(),
  /** A named local trainer: `compact` (PyTorch reward model + policy, served by serve.py) or `smoke` (a stand-in; heuristic models). */
  trainer: z.enum(LOCAL_TRAINERS).optional(),
  samples: z.number().int().min(2).max(5000).default(24),
  pairsPerSet: z.number().int().min(2).max(5000).default(20),
});

/**
 * Starts the next round from the previous one (its snapshot, its models as
 * parents, its policy's pairs as new training data) and queues its state
 * machine. Only one round runs at a time.
 */
export async function startRound({ ctx, input }: { ctx: Ctx; input: z.input<typeof startRoundInput> }) {
  const actor = requireRole(ctx.actor, ["researcher"]);
  const o = parseInput(startRoundInput, input);
  const round = await ctx.db.transaction(async (tx) => {
    const [previous] = await tx.select().from(rounds).orderBy(desc(rounds.number)).limit(1).for("update");
    if (previous?.status === "running") throw new AppError("CONFLICT", `Round ${previous.number} is still running`);
    const snapshotId = o.snapshotId ?? previous?.snapshotId;
    if (!snapshotId) throw new AppError("VALIDATION", "The first round needs a snapshot");
    const [row] = await tx
      .insert(rounds)
      .values({
        number: (previous?.number ?? 0) + 1,
        previousRoundId: previous?.id ?? null,
        snapshotId,
        backend: o.backend,
        config: {
          engine: o.engine,
          command: o.command ?? null,
          trainer: o.trainer ?? null,
          samples: o.samples,
          pairsPerSet: o.pairsPerSet,
        },
        createdBy: actor.id,
      })
      .returning();
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "rounds.start",
      subjectType: "round",
      subjectId: row.id,
      data: { number: row.number },
    });
    return row;
  });
  try {
    await enqueue("advance-round", { roundId: round.id, tick: 0 });
  } catch (error) {
    // The round is recorded; `advance-round` can be re-queued (resume) once Redis is back.
    if (!isAppError(error)) throw error;
  }
  return round;
}
