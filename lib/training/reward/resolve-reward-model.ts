import "server-only";
import { eq } from "drizzle-orm";
import { rounds } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getActiveModel, loadModelConfig } from "@/lib/inference";
import type { ModelConfig } from "@/lib/inference";

/**
 * The reward model a batch is scored with: a given model row, else the
 * reward model of a given round (what a round's policy run asks for), else
 * the active reward model, else the built-in heuristic.
 * `key` names it in the memo, so a new reward model never reuses old scores.
 */
export async function resolveRewardModel({
  ctx,
  modelId,
  round,
}: {
  ctx: Ctx;
  modelId?: string | null;
  round?: number;
}): Promise<{ key: string; model: ModelConfig }> {
  if (round !== undefined && !modelId) {
    const [row] = await ctx.db.select({ rewardModelId: rounds.rewardModelId }).from(rounds).where(eq(rounds.number, round)).limit(1);
    if (!row) throw new AppError("NOT_FOUND", `No round ${round}`);
    if (!row.rewardModelId) throw new AppError("CONFLICT", `Round ${round} has no registered reward model yet`);
    modelId = row.rewardModelId;
  }
  if (modelId) {
    const model = await loadModelConfig(ctx, modelId);
    if (model.role !== "reward") throw new AppError("VALIDATION", `Model ${model.name} is a ${model.role} model, not a reward model`);
    return { key: modelId, model };
  }
  const model = await getActiveModel({ db: ctx.db, role: "reward" });
  return { key: model.id ?? model.name, model };
}
