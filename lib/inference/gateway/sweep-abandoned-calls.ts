import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { inferenceCalls } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/**
 * Marks `started` call rows whose deadline has passed as `abandoned`: the
 * process making the call died (SIGKILL, OOM, power) before it could record
 * the outcome. The call is accounted for; the job that asked retries it.
 */
export async function sweepAbandonedCalls({ ctx }: { ctx: Ctx }): Promise<{ abandoned: number }> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const rows = await ctx.db
    .update(inferenceCalls)
    .set({ status: "abandoned", error: "the process making this call ended before it finished", finishedAt: sql`now()` })
    .where(and(eq(inferenceCalls.status, "started"), lt(inferenceCalls.deadlineAt, sql`now()`)))
    .returning({ id: inferenceCalls.id });
  return { abandoned: rows.length };
}
