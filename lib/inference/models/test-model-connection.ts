import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { models } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { probeHealth } from "../gateway/health-url";
import { isModelKeyVar, MODEL_KEY_PREFIX, resolveApiKey } from "./model-config";

/** What "test connection" found. */
export type ConnectionReport = { ok: boolean; message: string; latencyMs: number; servedModels: string[] };

/**
 * Checks that a model's server answers and serves its model name: GET /health
 * and GET /v1/models with the configured key. Never throws for a server that
 * is down; the report says why.
 */
export async function testModelConnection({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<ConnectionReport> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const { id } = parseInput(z.object({ id: z.string().uuid() }), input);
  const [m] = await ctx.db.select().from(models).where(eq(models.id, id)).limit(1);
  if (!m) throw new AppError("NOT_FOUND", `No model ${id}`);
  if (m.backend === "heuristic") return { ok: true, message: "Built-in heuristic: no server needed.", latencyMs: 0, servedModels: [] };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // Only MODEL_KEY_* variables are ever read, and the answer is the same whether any other variable exists.
  if (m.apiKeyEnv && !isModelKeyVar(m.apiKeyEnv))
    return { ok: false, message: `API key variables must be named ${MODEL_KEY_PREFIX}…; edit the model.`, latencyMs: 0, servedModels: [] };
  if (m.apiKeyEnv && !process.env[m.apiKeyEnv])
    return { ok: false, message: `The env var ${m.apiKeyEnv} is not set on this server.`, latencyMs: 0, servedModels: [] };
  let apiKey: string;
  try {
    apiKey = resolveApiKey(m);
  } catch {
    return {
      ok: false,
      message: "The stored API key cannot be decrypted (was MODEL_SECRET_KEY changed?). Enter it again.",
      latencyMs: 0,
      servedModels: [],
    };
  }
  const endpoint = (m.endpoint ?? "").replace(/\/+$/, "");
  try {
    const res = await fetch(`${endpoint}/models`, { headers: { authorization: `Bearer ${apiKey}` }, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return { ok: false, message: `GET /v1/models answered HTTP ${res.status}.`, latencyMs: elapsed(), servedModels: [] };
    const body = (await res.json().catch(() => ({}))) as { data?: { id?: string }[] };
    const servedModels = (body.data ?? []).map((d) => String(d.id));
    const healthy = await probeHealth(endpoint, { apiKey });
    if (m.servedModel && !servedModels.includes(m.servedModel)) {
      return {
        ok: false,
        message: `The server answers but does not serve "${m.servedModel}" (it serves: ${servedModels.join(", ") || "nothing"}).`,
        latencyMs: elapsed(),
        servedModels,
      };
    }
    return {
      ok: true,
      message: `Connected${healthy ? ", healthy" : " (no /health)"}; serves ${servedModels.join(", ")}.`,
      latencyMs: elapsed(),
      servedModels,
    };
  } catch (e) {
    return { ok: false, message: `Cannot reach ${endpoint}: ${(e as Error).message}`, latencyMs: elapsed(), servedModels: [] };
  }
}
