import "server-only";
import { MODEL_ROLES, models, type ModelRole } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { invalidateModelCache } from "./get-active-model";
import { builtinModelName, isModelKeyVar, MODEL_KEY_PREFIX } from "./model-config";

/**
 * Seeds the models table (idempotent; call it from the seed script): for each
 * role with no model yet, an active built-in heuristic model, or, when
 * `MODEL_<ROLE>_BASE_URL` is set, an active openai-compatible model with
 * `MODEL_<ROLE>_NAME` (served model name) and `MODEL_<ROLE>_API_KEY_ENV`
 * (name of the `MODEL_KEY_*` env var holding its key), plus an inactive heuristic one to
 * fall back to. Returns the names created.
 */
export async function ensureDefaultModels({ ctx }: { ctx: Ctx }): Promise<string[]> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const existing = new Set((await ctx.db.select({ role: models.role }).from(models)).map((r) => r.role));
  const created: string[] = [];
  for (const role of MODEL_ROLES) {
    if (existing.has(role)) continue;
    const env = (k: string) => process.env[`MODEL_${role.toUpperCase()}_${k}`]?.trim() || undefined;
    const baseUrl = env("BASE_URL");
    const rows: (typeof models.$inferInsert)[] = [{ name: builtinModelName(role), role, backend: "heuristic", active: !baseUrl }];
    const keyVar = env("API_KEY_ENV");
    if (keyVar && !isModelKeyVar(keyVar))
      throw new Error(`MODEL_${role.toUpperCase()}_API_KEY_ENV must name a ${MODEL_KEY_PREFIX}* variable`);
    if (baseUrl) rows.push(envModel(role, baseUrl, env("NAME"), keyVar));
    const inserted = await ctx.db.insert(models).values(rows).onConflictDoNothing().returning({ name: models.name });
    created.push(...inserted.map((r) => r.name));
  }
  invalidateModelCache();
  return created;
}

function envModel(
  role: ModelRole,
  endpoint: string,
  servedModel: string | undefined,
  apiKeyEnv: string | undefined,
): typeof models.$inferInsert {
  return {
    name: `${role}-${servedModel ?? "env"}`,
    role,
    backend: "openai-compatible",
    endpoint,
    servedModel: servedModel ?? "default",
    apiKeyEnv: apiKeyEnv ?? null,
    active: true,
  };
}
