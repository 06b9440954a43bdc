import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { trainingRuns } from "@/db/schema";
import { requireScope } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { mergeMetrics } from "./advance-training-run";

const event = z.discriminatedUnion("type", [
  z.object({ type: z.literal("metric"), step: z.number().int().min(0), name: z.string().min(1).max(100), value: z.number().finite() }),
  z.object({
    type: z.literal("checkpoint"),
    step: z.number().int().min(0),
    uri: z
      .string()
      .min(1)
      .max(2000)
      .regex(/^(file|s3|gs|https?):\/\//, "a file://, s3://, gs:// or http(s):// URI"),
  }),
  z.object({ type: z.literal("log"), text: z.string().max(20_000) }),
]);
export const recordRunEventsInput = z.object({ runId: z.uuid(), events: z.array(event).min(1).max(1000) });

/**
 * `POST /api/v1/training-runs/:id/events` (token scope `trainer`): metrics,
 * checkpoints and log lines pushed by a trainer. Metric points are
 * idempotent on (step, name); the newest checkpoint wins.
 */
export async function recordRunEvents({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireScope(ctx.actor, "trainer");
  const { runId, events } = parseInput(recordRunEventsInput, input);
  return ctx.db.transaction(async (tx) => {
    const [run] = await tx.select().from(trainingRuns).where(eq(trainingRuns.id, runId)).for("update").limit(1);
    if (!run) throw new AppError("NOT_FOUND", "No such training run");
    const at = new Date().toISOString();
    const metrics = mergeMetrics(
      run.metrics,
      events.flatMap((e) => (e.type === "metric" ? [{ step: e.step, name: e.name, value: e.value, at }] : [])),
    );
    const checkpoint = events.filter((e) => e.type === "checkpoint").sort((a, b) => b.step - a.step)[0];
    const logs = events.flatMap((e) => (e.type === "log" ? [e.text] : [])).join("\n");
    await tx
      .update(trainingRuns)
      .set({
        metrics,
        ...(checkpoint ? { checkpointUri: checkpoint.uri } : {}),
        ...(logs ? { logTail: (run.logTail + "\n" + logs).slice(-4000) } : {}),
        updatedAt: new Date(),
      })
      .where(eq(trainingRuns.id, runId));
    return { accepted: events.length, metrics: metrics.length };
  });
}
