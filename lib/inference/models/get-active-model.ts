import "server-only";
import { and, eq } from "drizzle-orm";
import { models, type ModelRole } from "@/db/schema";
import type { Db, Tx } from "@/db/client";
import { builtinHeuristic, type ModelConfig } from "./model-config";

// Workers ask for the active model on every call; a short in-process cache
// keeps that off the database. Edits through the model verbs clear it, and
// other processes see a change within CACHE_MS.
const CACHE_MS = 2_000;
const cache = new Map<string, { at: number; model: ModelConfig }>();

/** The active model for `role`, or the built-in heuristic when none is active. */
export async function getActiveModel({ db, role }: { db: Db | Tx; role: ModelRole }): Promise<ModelConfig> {
  const hit = cache.get(role);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.model;
  const [row] = await db
    .select()
    .from(models)
    .where(and(eq(models.role, role), eq(models.active, true)))
    .limit(1);
  let model: ModelConfig = builtinHeuristic(role);
  if (row) {
    const { createdBy: _c, createdAt: _a, updatedAt: _u, ...config } = row;
    model = config;
  }
  cache.set(role, { at: Date.now(), model });
  return model;
}

/** Forgets cached active models (after an edit, and between tests). */
export function invalidateModelCache(): void {
  cache.clear();
}
