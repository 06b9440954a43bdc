import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { benchmarkItems, benchmarks } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { z } from "zod";

/** Every benchmark, newest first. */
export async function listBenchmarks({ ctx }: { ctx: Ctx }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  return ctx.db.select().from(benchmarks).orderBy(desc(benchmarks.createdAt));
}

/** One benchmark with its items in order. */
export async function getBenchmarkOrThrow({ ctx, input }: { ctx: Ctx; input: { id: string } }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { id } = parseInput(z.object({ id: z.uuid() }), input);
  const [benchmark] = await ctx.db.select().from(benchmarks).where(eq(benchmarks.id, id)).limit(1);
  if (!benchmark) throw new AppError("NOT_FOUND", `No benchmark ${id}`);
  const items = await ctx.db.select().from(benchmarkItems).where(eq(benchmarkItems.benchmarkId, id)).orderBy(asc(benchmarkItems.position));
  return { benchmark, items };
}
