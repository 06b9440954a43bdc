import "server-only";
import { desc } from "drizzle-orm";
import { trainingExports } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** Exports, newest first (immutable: no edit or delete). */
export async function listExports({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["researcher"]);
  const rows = await ctx.db.select().from(trainingExports).orderBy(desc(trainingExports.createdAt)).limit(200);
  return rows.map((e) => ({
    id: e.id,
    name: e.name,
    format: e.format,
    hash: e.hash,
    counts: e.counts,
    snapshotId: e.snapshotId,
    roundId: e.roundId,
    fileCount: e.files.length,
    bytes: e.files.reduce((s, f) => s + f.size, 0),
    dataFiles: e.files.filter((f) => !f.path.startsWith("images/")).map((f) => ({ path: f.path, size: f.size })),
    createdAt: e.createdAt.toISOString(),
  }));
}
