import "server-only";
import { desc } from "drizzle-orm";
import { snapshots } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** Snapshots, newest first (they are immutable; there is no edit or delete). */
export async function listSnapshots({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["researcher"]);
  const rows = await ctx.db.select().from(snapshots).orderBy(desc(snapshots.createdAt)).limit(200);
  return rows.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }));
}
