import "server-only";
import { eq } from "drizzle-orm";
import { models, type ModelRole } from "@/db/schema";
import type { Db, Tx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { getActiveModel } from "./get-active-model";
import { builtinHeuristic, type ModelConfig } from "./model-config";

/**
 * The model a call pins: `undefined` → the role's active model (as usual),
 * `null` → the built-in heuristic, an id → that registered model, which must
 * serve `role` (active or not: evaluation compares checkpoints side by side).
 */
export async function getModelConfig({
  db,
  role,
  modelId,
}: {
  db: Db | Tx;
  role: ModelRole;
  modelId?: string | null;
}): Promise<ModelConfig> {
  if (modelId === undefined) return getActiveModel({ db, role });
  if (modelId === null) return builtinHeuristic(role);
  const [row] = await db.select().from(models).where(eq(models.id, modelId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No model ${modelId}`);
  if (row.role !== role) throw new AppError("VALIDATION", `Model ${row.name} serves the ${row.role} role, not ${role}`);
  const { createdBy: _c, createdAt: _a, updatedAt: _u, ...config } = row;
  return config;
}
