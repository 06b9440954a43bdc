import "server-only";
import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { benchmarkItems, benchmarks, images, type BenchmarkKind } from "@/db/schema";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

export type NewBenchmarkItem = {
  trajectoryId?: string | null;
  instruction: string | null;
  sourceSha: string;
  referenceSha: string;
  split: string;
  externalId?: string | null;
};

/**
 * sha256 over the ordered items, one `split\tsource\treference\tinstruction`
 * line each: the identity of a test set, whatever it is called.
 */
export function benchmarkContentHash(items: NewBenchmarkItem[]): string {
  const lines = items.map((i) => [i.split, i.sourceSha, i.referenceSha, i.instruction ?? ""].join("\t"));
  return createHash("sha256").update(lines.join("\n")).digest("hex");
}

/**
 * Writes a frozen benchmark and its items in one transaction. A name already
 * taken is a CONFLICT unless it holds exactly these items (same content
 * hash), in which case the existing benchmark is returned: building twice is
 * a no-op. Every image must already be stored.
 */
export async function insertBenchmark({
  ctx,
  benchmark,
  items,
}: {
  ctx: Ctx;
  benchmark: { name: string; kind: BenchmarkKind; config: Record<string, unknown>; description?: string };
  items: NewBenchmarkItem[];
}) {
  if (items.length === 0) throw new AppError("VALIDATION", "A benchmark needs at least one item");
  const contentHash = benchmarkContentHash(items);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(benchmarks).where(eq(benchmarks.name, benchmark.name)).limit(1);
    if (existing) {
      if (existing.contentHash === contentHash) return { benchmark: existing, created: false };
      throw new AppError("CONFLICT", `A different benchmark is already called "${benchmark.name}"`);
    }
    const shas = [...new Set(items.flatMap((i) => [i.sourceSha, i.referenceSha]))];
    const found = await tx.select({ sha: images.sha256 }).from(images).where(inArray(images.sha256, shas));
    const missing = shas.filter((s) => !found.some((f) => f.sha === s));
    if (missing.length > 0)
      throw new AppError("VALIDATION", `Unknown images (upload them first): ${missing.slice(0, 5).join(", ")}`, { missing });

    const [row] = await tx
      .insert(benchmarks)
      .values({ ...benchmark, contentHash, frozen: true, itemCount: items.length, createdBy: ctx.actor?.id ?? null })
      .returning();
    for (let start = 0; start < items.length; start += 500) {
      await tx
        .insert(benchmarkItems)
        .values(items.slice(start, start + 500).map((i, k) => ({ ...i, benchmarkId: row.id, position: start + k })));
    }
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "eval.benchmark",
      subjectType: "benchmark",
      subjectId: row.id,
      data: { kind: row.kind, contentHash, items: items.length },
    });
    return { benchmark: row, created: true };
  });
}
