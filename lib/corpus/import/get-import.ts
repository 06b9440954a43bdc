import "server-only";
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { importRows, imports } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

const input = z.object({ id: z.uuid("not an import id") });

/** An import run with its counters and every failed row (line + reason), for progress polling and the report; never the server path. */
export async function getImportOrThrow({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { id } = parseInput(input, raw);
  const [run] = await ctx.db.select().from(imports).where(eq(imports.id, id)).limit(1);
  if (!run) throw new AppError("NOT_FOUND", `No import ${id}`);
  const failures = await ctx.db
    .select({ line: importRows.line, ref: importRows.ref, reason: importRows.reason })
    .from(importRows)
    .where(eq(importRows.importId, id))
    .orderBy(asc(importRows.line))
    .then((rows) => rows.filter((r) => r.reason !== null));
  // The staging path is a server detail: callers see the import's source name instead.
  const { root: _root, manifestPath: _manifestPath, ...visible } = run;
  return {
    ...visible,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    done: run.imported + run.duplicates + run.failed,
    failures,
  };
}
