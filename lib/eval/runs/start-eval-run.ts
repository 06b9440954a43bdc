import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { benchmarkItems, benchmarks, EVAL_SCORERS, evalRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getModelConfig, loadPrompt, PQ_WORDINGS } from "@/lib/inference";
import { parseInput } from "@/lib/parse-input";
import { enqueue } from "@/lib/queue";
import { lpipsEndpoint } from "../scoring/lpips-client";

export const startEvalRunInput = z.object({
  benchmarkId: z.uuid(),
  /** A registered policy model; null → the built-in heuristic policy. */
  policyModelId: z.uuid().nullable().default(null),
  /** A registered judge; omitted → the active judge (pinned for the whole run); null → the heuristic judge. */
  judgeModelId: z.uuid().nullable().optional(),
  pqWording: z.enum(PQ_WORDINGS).default("perceptual_quality"),
  scorer: z.enum(EVAL_SCORERS).default("none"),
});

/**
 * Starts an eval run: pins the policy and judge models (name, prompt version
 * hash and PQ wording are recorded on the run), then queues one `eval-item`
 * job per benchmark item. Enqueue failures are harmless: the sweeper queues
 * every item of an unfinished run that has no row yet.
 */
export async function startEvalRun({ ctx, input }: { ctx: Ctx; input: z.input<typeof startEvalRunInput> }) {
  const actor = ctx.system ? null : requireRole(ctx.actor, ["researcher"]);
  const { benchmarkId, policyModelId, judgeModelId, pqWording, scorer } = parseInput(startEvalRunInput, input);
  const [benchmark] = await ctx.db.select().from(benchmarks).where(eq(benchmarks.id, benchmarkId)).limit(1);
  if (!benchmark) throw new AppError("NOT_FOUND", `No benchmark ${benchmarkId}`);
  const policy = await getModelConfig({ db: ctx.db, role: "policy", modelId: policyModelId });
  const judge = await getModelConfig({ db: ctx.db, role: "judge", modelId: judgeModelId });
  const prompt = loadPrompt("judge", judge.promptVersion);

  const run = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(evalRuns)
      .values({
        benchmarkId,
        modelId: policy.id,
        modelName: policy.name,
        judgeModelId: judge.id,
        judgeModelName: `${judge.name} (${judge.backend})`,
        judgePrompt: `${prompt.id} ${prompt.hash.slice(0, 12)}`,
        pqWording,
        scorer,
        lpipsEndpoint: lpipsEndpoint(),
        total: benchmark.itemCount,
        createdBy: actor?.id ?? null,
      })
      .returning();
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "eval.run",
      subjectType: "eval_run",
      subjectId: row.id,
      data: { benchmarkId, policy: policy.name, judge: judge.name, scorer },
    });
    return row;
  });
  const items = await ctx.db
    .select({ id: benchmarkItems.id })
    .from(benchmarkItems)
    .where(eq(benchmarkItems.benchmarkId, benchmarkId))
    .orderBy(asc(benchmarkItems.position));
  let queued = 0;
  for (const item of items) {
    try {
      await enqueue("eval-item", { runId: run.id, itemId: item.id });
      queued++;
    } catch {
      break; // Redis is down: the sweeper queues the rest
    }
  }
  return { run, queued };
}
