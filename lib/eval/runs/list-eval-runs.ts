import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { benchmarks, evalRuns } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

export const listEvalRunsInput = z.object({ benchmarkId: z.uuid().optional() });

/** Eval runs with their progress (newest first), optionally of one benchmark. */
export async function listEvalRuns({ ctx, input }: { ctx: Ctx; input: z.input<typeof listEvalRunsInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { benchmarkId } = parseInput(listEvalRunsInput, input);
  return ctx.db
    .select({ run: evalRuns, benchmarkName: benchmarks.name })
    .from(evalRuns)
    .innerJoin(benchmarks, eq(benchmarks.id, evalRuns.benchmarkId))
    .where(benchmarkId ? eq(evalRuns.benchmarkId, benchmarkId) : undefined)
    .orderBy(desc(evalRuns.createdAt))
    .limit(200);
}

/** One run with its benchmark. */
export async function getEvalRunOrThrow({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { id } = parseInput(z.object({ id: z.uuid() }), input);
  const [row] = await ctx.db
    .select({ run: evalRuns, benchmark: benchmarks })
    .from(evalRuns)
    .innerJoin(benchmarks, eq(benchmarks.id, evalRuns.benchmarkId))
    .where(eq(evalRuns.id, id))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No eval run ${id}`);
  return row;
}
