import "server-only";
import { eq } from "drizzle-orm";
import { models, trainingExports, trainingRuns } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { runRole, type ModelConfig } from "@/lib/inference";
import { builtinHeuristic } from "@/lib/inference/models/model-config";
import { isCompactCheckpoint, serveCompactCheckpoint } from "../serve/compact-server";

type Run = typeof trainingRuns.$inferSelect;

/**
 * Registers a finished run's checkpoint as a new model (role from the run's
 * kind, its round and parent) — but only once one inference call against it
 * passes (merged checkpoints can hang or lose their generation config:
 * EasyR1 #334, PR #11007). A local compact checkpoint (`<kind>.pt`) is served
 * by this machine's `serve.py` (lib/training/serve) and registered as an
 * `openai-compatible` model pointing at it. A run with no serving endpoint
 * is stood in for by the heuristic backend, and the model says so in its
 * name and backend.
 */
export async function registerRunModel({ ctx, run }: { ctx: Ctx; run: Run }): Promise<{ modelId: string | null; error?: string }> {
  if (run.modelId) return { modelId: run.modelId };
  const config = run.config as { round?: number; parentModelId?: string | null; serveEndpoint?: string | null };
  const role = run.kind === "reward" ? "reward" : "policy";
  const round = config.round ?? 0;
  const compact = run.backend === "local" && isCompactCheckpoint(run.checkpointUri);
  const name = `${role}-r${round}-${run.id.slice(0, 8)}${compact ? "-compact" : config.serveEndpoint ? "" : "-heuristic"}`;
  const endpoint = compact
    ? await serveCompactCheckpoint({ ctx, name, kind: role, checkpointUri: run.checkpointUri! })
    : (config.serveEndpoint ?? null);
  const candidate: ModelConfig = {
    ...builtinHeuristic(role),
    id: null,
    name,
    active: false,
    backend: endpoint ? "openai-compatible" : "heuristic",
    endpoint,
    servedModel: endpoint ? name : null,
    checkpointUri: run.checkpointUri,
    parentId: config.parentModelId ?? null,
    round,
    maxRetries: 1,
    // The compact models see 32 px; rollouts sample (PGRT needs the policy's own mistakes), the reward model is deterministic.
    ...(compact ? { pixelBudget: 65_536, timeoutMs: 30_000, concurrency: 4, temperature: role === "policy" ? 0.7 : 0 } : {}),
  };
  const smoke = await smokeCall(ctx, run, candidate);
  if (smoke) {
    await ctx.db
      .update(trainingRuns)
      .set({ error: `smoke inference failed: ${smoke}`, updatedAt: new Date() })
      .where(eq(trainingRuns.id, run.id));
    return { modelId: null, error: smoke };
  }
  const { id: _id, ...values } = candidate;
  const [row] = await ctx.db.insert(models).values(values).onConflictDoNothing({ target: models.name }).returning({ id: models.id });
  const modelId = row?.id ?? (await ctx.db.select({ id: models.id }).from(models).where(eq(models.name, name)).limit(1))[0].id;
  await ctx.db.update(trainingRuns).set({ modelId, error: null, updatedAt: new Date() }).where(eq(trainingRuns.id, run.id));
  return { modelId };
}

/** One real call against the candidate model on an image from the run's export; the error text, or null when it passed. */
async function smokeCall(ctx: Ctx, run: Run, model: ModelConfig): Promise<string | null> {
  const [exp] = run.exportId
    ? await ctx.db.select({ files: trainingExports.files }).from(trainingExports).where(eq(trainingExports.id, run.exportId)).limit(1)
    : [];
  const image = exp?.files.find((f) => f.path.startsWith("images/"));
  if (!image) return "the run's export has no image to test the model on";
  const system = { ...ctx, system: true };
  const source = { sha256: image.blobKey };
  const result =
    model.role === "reward"
      ? await runRole({
          ctx: system,
          role: "reward",
          model,
          input: { instruction: "Make it brighter.", source, a: { params: {} }, b: { params: { Exposure2012: 0.5 } } },
        })
      : await runRole({ ctx: system, role: "policy", model, input: { instruction: "Make it brighter.", source, n: 1 } });
  return result.ok ? null : result.error;
}
