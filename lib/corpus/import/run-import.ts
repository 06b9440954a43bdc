import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { importRows, imports, type ImportRowStatus } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { toKnownError } from "@/lib/http/known-error";
import { parseInput } from "@/lib/parse-input";
import { enqueue } from "@/lib/queue";
import { createFileSource, RowError } from "./file-source";
import type { ImportItem } from "./import-item";
import { loadItems } from "./load-items";
import { processItem } from "./process-item";

export const runImportInput = z.object({ importId: z.uuid() });

export type ImportProgress = { importId: string; total: number; done: number; imported: number; duplicates: number; failed: number };

/** Rows processed at once: sharp decodes on its own threads, so 2 keeps a 2-core box busy without thrashing. */
const CONCURRENCY = Number(process.env.IMPORT_CONCURRENCY ?? 2);

/**
 * Processes an import run, resumably: lines already recorded in
 * `import_rows` are skipped, so re-running after a crash (or `--resume`)
 * continues where it stopped. A bad row is recorded with its line and
 * reason and never stops the batch; each new trajectory is queued for
 * annotation.
 */
export async function runImport({
  ctx,
  input,
  onProgress,
}: {
  ctx: Ctx;
  input: z.input<typeof runImportInput>;
  onProgress?: (p: ImportProgress) => void;
}): Promise<ImportProgress> {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { importId } = parseInput(runImportInput, input);
  const [run] = await ctx.db.select().from(imports).where(eq(imports.id, importId)).limit(1);
  if (!run) throw new AppError("NOT_FOUND", `No import ${importId}`);

  const { items, errors } = await loadItems(run).catch((e: Error) => {
    throw new AppError("VALIDATION", `Cannot read the import source: ${e.message}`);
  });
  const doneRows = await ctx.db
    .select({ line: importRows.line, status: importRows.status })
    .from(importRows)
    .where(eq(importRows.importId, importId));
  const done = new Set(doneRows.map((r) => r.line));
  const progress: ImportProgress = { importId, total: items.length + errors.length, done: 0, imported: 0, duplicates: 0, failed: 0 };
  const tally = (status: ImportRowStatus) => {
    progress.done++;
    if (status === "imported") progress.imported++;
    else if (status === "duplicate") progress.duplicates++;
    else progress.failed++;
  };
  doneRows.forEach((r) => tally(r.status));
  await ctx.db.update(imports).set({ total: progress.total, status: "running" }).where(eq(imports.id, importId));

  const record = async (line: number, ref: string, status: ImportRowStatus, reason: string | null, trajectoryId: string | null) => {
    await ctx.db.insert(importRows).values({ importId, line, ref, status, reason, trajectoryId }).onConflictDoNothing();
    tally(status);
  };
  for (const e of errors) if (!done.has(e.line)) await record(e.line, e.ref, "failed", e.reason, null);

  const files = createFileSource({ root: run.root });
  const queue = items.filter((i) => !done.has(i.line));
  let lastFlush = 0;
  const flush = async (force = false) => {
    onProgress?.({ ...progress });
    if (!force && Date.now() - lastFlush < 1_000) return;
    lastFlush = Date.now();
    await ctx.db.update(imports).set(countsOf(progress)).where(eq(imports.id, importId));
  };
  const one = async (item: ImportItem) => {
    try {
      const result = await processItem({ ctx, item, files, importId, source: run.source });
      await record(item.line, item.ref, result.status, null, result.trajectoryId);
      if (result.status === "imported")
        await enqueue("annotate-trajectory", { trajectoryId: result.trajectoryId, version: 1 }).catch(() => undefined);
    } catch (e) {
      // A full disk or a database that went away is not the row's fault: leave the row
      // unrecorded and fail the job, so the retry (or the sweeper) imports it later.
      if (toKnownError(e)?.code === "UNAVAILABLE") throw e;
      if (!(e instanceof RowError) && !isAppError(e)) console.error(`[import ${importId}] line ${item.line}:`, e);
      await record(item.line, item.ref, "failed", (e as Error).message, null);
    }
    await flush();
  };
  await pool(queue, CONCURRENCY, one);

  await ctx.db
    .update(imports)
    .set({ ...countsOf(progress), status: "done", finishedAt: new Date() })
    .where(eq(imports.id, importId));
  onProgress?.({ ...progress });
  return progress;
}

const countsOf = (p: ImportProgress) => ({ imported: p.imported, duplicates: p.duplicates, failed: p.failed, total: p.total });

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, size) }, lane));
}

/** Marks a run failed when the whole run could not proceed (unreadable manifest). */
export async function markImportFailed({ ctx, input }: { ctx: Ctx; input: { importId: string; error: string } }) {
  await ctx.db
    .update(imports)
    .set({ status: "failed", error: input.error.slice(0, 500), finishedAt: sql`now()` })
    .where(eq(imports.id, input.importId));
}
