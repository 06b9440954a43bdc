import "server-only";
import { eq } from "drizzle-orm";
import { ACCURACY_SETS, ROUND_STEPS, rounds, trainingRuns, type RoundStep, type StepState } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { createExport } from "@/lib/training/export/create-export";
import { advanceTrainingRun } from "@/lib/training/runs/advance-training-run";
import { createTrainingRun } from "@/lib/training/runs/create-training-run";
import type { LocalTrainerName } from "@/lib/training/runs/get-trainers";
import { ensureModelServed } from "@/lib/training/serve/compact-server";
import { ensurePerturbedPairs } from "./ensure-perturbed-pairs";
import { evaluatePolicy } from "./evaluate-policy";
import { loadModelConfig } from "@/lib/inference";
import { measureAccuracy } from "./measure-accuracy";
import { rollOutPolicy } from "./roll-out-policy";

type Round = typeof rounds.$inferSelect;
type Config = {
  engine?: "easyr1" | "verl";
  command?: string[] | null;
  trainer?: LocalTrainerName | null;
  samples?: number;
  pairsPerSet?: number;
};
export type AdvanceResult = { step: RoundStep; done: boolean; waitMs: number };

const POLL_MS = () => Number(process.env.TRAINING_POLL_MS ?? 2_000);

/**
 * Advances a round's state machine by one step: export → train reward model
 * → register it → train policy → register it → roll out → label (accuracy)
 * → evaluate → done. Each step's outputs are rows, so calling this again after
 * a crash resumes where it stopped; `steps` records when each step ran and why
 * one failed. A bad input fails the round (visible); an outage throws (retry).
 */
export async function advanceRound({ ctx, roundId }: { ctx: Ctx; roundId: string }): Promise<AdvanceResult> {
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId)).limit(1);
  if (!round) throw new AppError("NOT_FOUND", `No round ${roundId}`);
  if (round.status !== "running") return { step: round.step, done: true, waitMs: 0 };
  const step = round.step;
  await setStep(ctx, round, step, { status: "running", startedAt: round.steps[step]?.startedAt ?? new Date().toISOString() });
  try {
    const outcome = await runStep(ctx, round, step);
    if (outcome === "wait") return { step, done: false, waitMs: POLL_MS() };
    const next = ROUND_STEPS[ROUND_STEPS.indexOf(step) + 1] ?? "done";
    const fresh = (await ctx.db.select().from(rounds).where(eq(rounds.id, roundId)).limit(1))[0];
    const steps = {
      ...fresh.steps,
      [step]: {
        ...fresh.steps[step],
        status: "done",
        finishedAt: new Date().toISOString(),
        ...(typeof outcome === "string" ? { detail: outcome } : {}),
      } as StepState,
    };
    const done = next === "done";
    await ctx.db
      .update(rounds)
      .set({
        step: next,
        steps: done ? { ...steps, done: { status: "done", finishedAt: new Date().toISOString() } } : steps,
        status: done ? "done" : "running",
        updatedAt: new Date(),
      })
      .where(eq(rounds.id, roundId));
    return { step: next, done, waitMs: 0 };
  } catch (error) {
    if (!(error instanceof StepFailure) && !(isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND"))) throw error;
    const message = (error as Error).message;
    await setStep(ctx, round, step, { ...round.steps[step], status: "failed", detail: message });
    await ctx.db
      .update(rounds)
      .set({ status: "failed", error: `${step}: ${message}`, updatedAt: new Date() })
      .where(eq(rounds.id, roundId));
    return { step, done: true, waitMs: 0 };
  }
}

class StepFailure extends Error {}

async function setStep(ctx: Ctx, round: Round, step: RoundStep, state: StepState) {
  const [fresh] = await ctx.db.select({ steps: rounds.steps }).from(rounds).where(eq(rounds.id, round.id)).limit(1);
  await ctx.db
    .update(rounds)
    .set({ steps: { ...fresh.steps, [step]: state }, updatedAt: new Date() })
    .where(eq(rounds.id, round.id));
}

/** Runs one step; "wait" means "not finished yet, poll again", a string is a detail to show. */
async function runStep(ctx: Ctx, round: Round, step: RoundStep): Promise<"wait" | string | void> {
  const config = round.config as Config;
  const limit = config.samples ?? 24;
  const previous = round.previousRoundId
    ? (await ctx.db.select().from(rounds).where(eq(rounds.id, round.previousRoundId)).limit(1))[0]
    : undefined;
  const local = round.backend === "local";
  // The compact trainer reads EasyR1 PGRT rows (the strong slot is explicit); the smoke trainer, LLaMA-Factory's.
  const rewardFormat = local && config.trainer !== "compact" ? "llamafactory-reward-sft" : "easyr1-pgrt";
  switch (step) {
    case "export": {
      const made = await ensurePerturbedPairs({ ctx, snapshotId: round.snapshotId!, limit });
      const reward = await createExport({
        ctx,
        input: {
          format: rewardFormat,
          name: `round-${round.number}-reward`,
          snapshotId: round.snapshotId!,
          roundId: round.id,
          policyRoundsBefore: round.number,
          benchmarkItems: "skip",
        },
      });
      const policy = await createExport({
        ctx,
        input: {
          format: local ? "llamafactory-policy-sft" : "easyr1-policy",
          name: `round-${round.number}-policy`,
          snapshotId: round.snapshotId!,
          roundId: round.id,
          round: round.number,
          includeUnreviewed: true,
          benchmarkItems: "skip",
        },
      });
      await ctx.db
        .update(rounds)
        .set({ rewardExportId: reward.export.id, policyExportId: policy.export.id })
        .where(eq(rounds.id, round.id));
      return `${reward.export.counts.rows} reward-model rows, ${policy.export.counts.rows} policy rows (${made.created} new perturbed pairs${made.claimed ? `, ${made.claimed} held out from the perturb step's` : ""}${made.keptForTraining ? `, ${made.keptForTraining} not held out: an earlier export carried them` : ""})`;
    }
    case "train_reward":
    case "train_policy": {
      const kind = step === "train_reward" ? "reward" : "policy";
      const runId = kind === "reward" ? round.rewardRunId : round.policyRunId;
      if (!runId) {
        const run = await createTrainingRun({
          ctx,
          input: {
            kind,
            backend: round.backend,
            engine: local ? "command" : (config.engine ?? "easyr1"),
            exportId: (kind === "reward" ? round.rewardExportId : round.policyExportId)!,
            roundId: round.id,
            round: round.number,
            parentModelId: (kind === "reward" ? previous?.rewardModelId : previous?.policyModelId) ?? undefined,
            ...(kind === "policy" && round.rewardModelId ? { rewardModelId: round.rewardModelId } : {}),
            ...(config.command ? { command: config.command } : config.trainer ? { trainer: config.trainer } : {}),
          },
        });
        await ctx.db
          .update(rounds)
          .set(kind === "reward" ? { rewardRunId: run.id } : { policyRunId: run.id })
          .where(eq(rounds.id, round.id));
        return "wait";
      }
      const { status, done } = await advanceTrainingRun({ ctx, runId });
      if (!done) return "wait";
      if (status !== "succeeded") throw new StepFailure(`the ${kind} training run ${status}`);
      return `run ${runId.slice(0, 8)} ${status}`;
    }
    case "register_reward":
    case "register_policy": {
      const runId = step === "register_reward" ? round.rewardRunId : round.policyRunId;
      await advanceTrainingRun({ ctx, runId: runId! });
      const [run] = await ctx.db.select().from(trainingRuns).where(eq(trainingRuns.id, runId!)).limit(1);
      if (!run.modelId) {
        if (run.error) throw new StepFailure(run.error);
        return "wait";
      }
      await ctx.db
        .update(rounds)
        .set(step === "register_reward" ? { rewardModelId: run.modelId } : { policyModelId: run.modelId })
        .where(eq(rounds.id, round.id));
      return `model ${run.modelId.slice(0, 8)}`;
    }
    case "rollout": {
      await ensureModelServed({ ctx, modelId: round.policyModelId! });
      const policy = await loadModelConfig(ctx, round.policyModelId!);
      const r = await rollOutPolicy({ ctx, snapshotId: round.snapshotId!, limit, round: round.number, policy });
      return `${r.pairs} policy pairs${r.failed ? `, ${r.failed} failed calls` : ""}`;
    }
    case "label": {
      await ensureModelServed({ ctx, modelId: round.rewardModelId! });
      const model = await loadModelConfig(ctx, round.rewardModelId!);
      const parts: string[] = [];
      for (const set of ACCURACY_SETS) {
        const a = await measureAccuracy({
          ctx,
          roundId: round.id,
          round: round.number,
          set,
          model,
          limit: config.pairsPerSet ?? 20,
          snapshotId: round.snapshotId!,
        });
        parts.push(`${set} n=${a.n}`);
      }
      return parts.join(", ");
    }
    case "evaluate": {
      await ensureModelServed({ ctx, modelId: round.policyModelId! });
      const policy = await loadModelConfig(ctx, round.policyModelId!);
      const score = await evaluatePolicy({ ctx, snapshotId: round.snapshotId!, limit, round: round.number, policy });
      if (score.n === 0) throw new StepFailure("the policy produced no edits to evaluate");
      await ctx.db
        .update(rounds)
        .set({ policyScore: score.mean, policyScoreLo: score.lo, policyScoreHi: score.hi, policyScoreN: score.n })
        .where(eq(rounds.id, round.id));
      return `score ${score.mean.toFixed(2)} (n=${score.n})`;
    }
    case "done":
      return;
  }
}
