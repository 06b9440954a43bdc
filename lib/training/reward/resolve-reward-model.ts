import "server-only";
import { eq } from "drizzle-orm";
import { models } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getActiveModel } from "@/lib/inference";
import type { ModelConfig } from "@/lib/inference";

/**
 * The reward model a batch is scored with: a given model row (a round's
 * reward model), else the active reward model, else the built-in heuristic.
 * `key` names it in the memo, so a new reward model never reuses old scores.
 */
export async function resolveRewardModel({ ctx, modelId }: { ctx: Ctx; modelId?: string | null }): Promise<{ key: string; model: ModelConfig }> {
  if (modelId) {
    const [row] = await ctx.db.select().from(models).where(eq(models.id, modelId)).limit(1);
    if (!row) throw new AppError("NOT_FOUND", "No such reward model");
    if (row.role !== "reward") throw new AppError("VALIDATION", `Model ${row.name} is a ${row.role} model, not a reward model`);
    const { createdBy: _c, createdAt: _a, updatedAt: _u, ...config } = row;
    return { key: row.id, model: config };
  }
  const model = await getActiveModel({ db: ctx.db, role: "reward" });
  return { key: model.id ?? model.name, model };
}
