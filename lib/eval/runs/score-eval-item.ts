import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { benchmarkItems, benchmarks, evalItems, evalRuns, trajectories, type EvalParseStatus } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { decodeImage, getMetricsPool, meanDeltaE76, renderStoredImage, resizeToMatch } from "@/lib/imaging";
import { judgeEdit, proposeEdit, PQ_WORDINGS } from "@/lib/inference";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";
import { FIVEK_INSTRUCTION } from "../benchmarks/import-benchmark";
import { scoreLpips } from "../scoring/lpips-client";
import { ruleReward } from "../scoring/rule-reward";

export const scoreEvalItemInput = z.object({ runId: z.uuid(), itemId: z.uuid() });

/**
 * Scores one benchmark item for one eval run (system verb, called by the
 * `eval-item` job): policy → parse → render (lib/develop) → L1/L2/PSNR/SSIM
 * against the reference after a bilinear resize to its size → judge SC/PQ/O
 * → optional LPIPS and rule reward. A format failure is scored as "no edit"
 * (the source against the reference) and counted. Idempotent: an item that
 * already has its (run, item) row is skipped, never rescored; the row and the
 * run's progress counters are written in one transaction.
 */
export async function scoreEvalItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof scoreEvalItemInput> }) {
  if (!ctx.system) throw new AppError("FORBIDDEN", "Eval items are scored by the eval worker");
  const { runId, itemId } = parseInput(scoreEvalItemInput, input);
  const [run] = await ctx.db.select().from(evalRuns).where(eq(evalRuns.id, runId)).limit(1);
  if (!run) throw new AppError("NOT_FOUND", `No eval run ${runId}`);
  if (run.status === "cancelled") return { skipped: "cancelled" as const };
  const [done] = await ctx.db
    .select({ id: evalItems.id })
    .from(evalItems)
    .where(and(eq(evalItems.runId, runId), eq(evalItems.itemId, itemId)))
    .limit(1);
  if (done) return { skipped: "done" as const };
  const [row] = await ctx.db
    .select({ item: benchmarkItems, config: benchmarks.config, params: trajectories.params })
    .from(benchmarkItems)
    .innerJoin(benchmarks, eq(benchmarks.id, benchmarkItems.benchmarkId))
    .leftJoin(trajectories, eq(trajectories.id, benchmarkItems.trajectoryId))
    .where(eq(benchmarkItems.id, itemId))
    .limit(1);
  if (!row || row.item.benchmarkId !== run.benchmarkId) throw new AppError("NOT_FOUND", `Item ${itemId} is not in this run's benchmark`);
  const { item } = row;
  if (run.status === "queued")
    await ctx.db
      .update(evalRuns)
      .set({ status: "running", startedAt: new Date() })
      .where(and(eq(evalRuns.id, runId), eq(evalRuns.status, "queued")));

  const instruction = item.instruction ?? (typeof row.config.instruction === "string" ? row.config.instruction : FIVEK_INSTRUCTION);
  const policy = await proposeEdit({ ctx, input: { source: { sha256: item.sourceSha }, instruction, n: 1 }, modelId: run.modelId });
  if (!policy.ok && policy.status !== "format_error") throw new AppError("UNAVAILABLE", `Policy call failed: ${policy.error}`);
  const sample = policy.ok ? policy.output.samples[0] : null;
  const parseStatus: EvalParseStatus = !sample || sample.format === "unknown" ? "format_error" : sample.formatOk ? "ok" : "repaired";
  const params = parseStatus === "format_error" ? {} : (sample?.params ?? {});

  const render = await renderStoredImage({ ctx, input: { sourceSha: item.sourceSha, params } });
  const store = getBlobStore();
  const [outputBytes, referenceBytes] = await Promise.all([store.get(render.outputKey), store.get(item.referenceSha)]);
  if (!outputBytes || !referenceBytes) throw new AppError("NOT_FOUND", "A rendered or reference image is missing from storage");
  const reference = await decodeImage(referenceBytes);
  const output = await resizeToMatch({ image: await decodeImage(outputBytes), width: reference.width, height: reference.height });
  // Off the event loop, so the worker's concurrent items use every core.
  const pixel = await getMetricsPool().score({ edited: output, reference });
  const lpips = await scoreLpips({ endpoint: run.lpipsEndpoint, reference: referenceBytes, output: outputBytes });

  const pqWording = z.enum(PQ_WORDINGS).catch("perceptual_quality").parse(run.pqWording);
  const judge = await judgeEdit({
    ctx,
    input: { instruction, source: { sha256: item.sourceSha }, output: { image: { sha256: render.outputKey } }, pqWording },
    modelId: run.judgeModelId,
  });
  const rules =
    run.scorer === "jarvisart-rules" && row.params
      ? ruleReward({ text: sample?.text ?? "", pred: params, gt: row.params, meanDeltaE: meanDeltaE76({ edited: output, reference }) })
      : null;

  return ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(evalItems)
      .values({
        runId,
        itemId,
        parseStatus,
        rawOutput: sample?.text ?? (policy.ok ? null : policy.error),
        reasoning: sample?.reasoning ?? null,
        outputParams: params,
        outputSha: render.outputKey,
        // JSON has no Infinity: identical images are stored at the 100 dB cap.
        metrics: { ...pixel, psnr: Math.min(pixel.psnr, 100), lpips },
        sc: judge.ok ? judge.output.sc : null,
        pq: judge.ok ? judge.output.pq : null,
        o: judge.ok ? judge.output.o : null,
        judgeReasoning: judge.ok ? judge.output.reasoning : `judge failed: ${judge.error}`,
        ruleReward: rules ? { ...rules, perception: rules.perception ?? 0 } : null,
      })
      .onConflictDoNothing()
      .returning({ id: evalItems.id });
    if (inserted.length === 0) return { skipped: "done" as const };
    await bumpProgress(tx, runId, parseStatus === "format_error");
    return { scored: inserted[0].id, parseStatus, metrics: pixel };
  });
}

/** +1 completed (and format failure), and `done` once every item has its row. */
export async function bumpProgress(db: Ctx["db"], runId: string, formatFailure: boolean) {
  await db
    .update(evalRuns)
    .set({
      completed: sql`${evalRuns.completed} + 1`,
      formatFailures: sql`${evalRuns.formatFailures} + ${formatFailure ? 1 : 0}`,
      status: sql`case when ${evalRuns.completed} + 1 >= ${evalRuns.total} then 'done' else 'running' end`,
      finishedAt: sql`case when ${evalRuns.completed} + 1 >= ${evalRuns.total} then now() else null end`,
    })
    .where(eq(evalRuns.id, runId));
}
