import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { benchmarkItems, evalItems } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

/** Every item of a run's benchmark in order, with its scored row when there is one. */
export async function listEvalItems({ ctx, input }: { ctx: Ctx; input: { runId: string; benchmarkId: string } }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { runId, benchmarkId } = parseInput(z.object({ runId: z.uuid(), benchmarkId: z.uuid() }), input);
  return ctx.db
    .select({ item: benchmarkItems, result: evalItems })
    .from(benchmarkItems)
    .leftJoin(evalItems, and(eq(evalItems.itemId, benchmarkItems.id), eq(evalItems.runId, runId)))
    .where(eq(benchmarkItems.benchmarkId, benchmarkId))
    .orderBy(asc(benchmarkItems.position));
}

/** One item of one run: the benchmark item and its scored row (source, reference, output, params, judge reasoning). */
export async function getEvalItemOrThrow({ ctx, input }: { ctx: Ctx; input: { runId: string; itemId: string } }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { runId, itemId } = parseInput(z.object({ runId: z.uuid(), itemId: z.uuid() }), input);
  const [row] = await ctx.db
    .select({ item: benchmarkItems, result: evalItems })
    .from(benchmarkItems)
    .leftJoin(evalItems, and(eq(evalItems.itemId, benchmarkItems.id), eq(evalItems.runId, runId)))
    .where(eq(benchmarkItems.id, itemId))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No benchmark item ${itemId}`);
  return row;
}

/** The rendered output of a scored item (blob sha), for the image route; only outputs of eval rows are served. */
export async function getEvalOutputKeyOrThrow({ ctx, input }: { ctx: Ctx; input: { evalItemId: string } }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { evalItemId } = parseInput(z.object({ evalItemId: z.uuid() }), input);
  const [row] = await ctx.db.select({ sha: evalItems.outputSha }).from(evalItems).where(eq(evalItems.id, evalItemId)).limit(1);
  if (!row?.sha) throw new AppError("NOT_FOUND", "This item has no rendered output");
  return row.sha;
}
