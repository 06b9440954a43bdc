import "server-only";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getActiveModel, loadModelConfig } from "@/lib/inference";
import type { ModelConfig } from "@/lib/inference";

/**
 * The reward model a batch is scored with: a given model row (a round's
 * reward model), else the active reward model, else the built-in heuristic.
 * `key` names it in the memo, so a new reward model never reuses old scores.
 */
export async function resolveRewardModel({ ctx, modelId }: { ctx: Ctx; modelId?: string | null }): Promise<{ key: string; model: ModelConfig }> {
  if (modelId) {
    const model = await loadModelConfig(ctx, modelId);
    if (model.role !== "reward") throw new AppError("VALIDATION", `Model ${model.name} is a ${model.role} model, not a reward model`);
    return { key: modelId, model };
  }
  const model = await getActiveModel({ db: ctx.db, role: "reward" });
  return { key: model.id ?? model.name, model };
}
