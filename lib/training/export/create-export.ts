import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { EXPORT_FORMATS, pairs, snapshots, trainingExports, type ExportFile } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { benchmarkTrajectoryIds } from "@/lib/eval";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";
import { buildExport, FORMAT_INPUT, type ExportItems } from "./build-export";
import { loadPairItems } from "./load-pair-items";
import { loadPolicyItems } from "./load-policy-items";
import { exportContentHash, type ExportManifest } from "./manifest";
import { refuseBenchmarkItems } from "./refuse-benchmark-items";
import { validateExport } from "./validate-export";

export const createExportInput = z.object({
  format: z.enum(EXPORT_FORMATS),
  name: z.string().trim().min(1).max(200),
  snapshotId: z.uuid().optional(),
  roundId: z.uuid().optional(),
  round: z.number().int().min(0).max(10_000).optional(),
  /** Pair exports: policy-generated pairs only from rounds before this one (round n's reward model never sees a later policy's pairs). */
  policyRoundsBefore: z.number().int().min(1).max(10_000).optional(),
  imageRoot: z.string().trim().min(1).max(500).regex(/^\//, "must be an absolute path").default("/data/retouchiq"),
  includeUnreviewed: z.boolean().default(false),
  /**
   * `refuse` (the default): an export that would contain a benchmark item fails
   * with their ids. `skip`: they are left out and counted (`counts.benchmarkSkipped`);
   * the rounds pipeline uses it so a benchmark never stalls training, nor leaks into it.
   */
  benchmarkItems: z.enum(["refuse", "skip"]).default("refuse"),
});

/**
 * Builds and stores an immutable export: data files and `manifest.json` go to
 * the blob store, images are referenced by their existing blob (written once),
 * and the row records the manifest. Exporting the same data again returns the
 * existing export (`created: false`). Benchmark items are refused.
 */
export async function createExport({ ctx, input }: { ctx: Ctx; input: z.input<typeof createExportInput> }) {
  const actor = ctx.system ? null : requireRole(ctx.actor, ["researcher"]);
  const o = parseInput(createExportInput, input);
  const snapshot = o.snapshotId ? (await ctx.db.select().from(snapshots).where(eq(snapshots.id, o.snapshotId)).limit(1))[0] : undefined;
  if (o.snapshotId && !snapshot) throw new AppError("NOT_FOUND", "No such snapshot");

  let items: ExportItems;
  if (FORMAT_INPUT[o.format] === "policy") {
    if (!snapshot) throw new AppError("VALIDATION", "Policy exports need a snapshotId");
    items = {
      kind: "policy" as const,
      items: await loadPolicyItems({ ctx, snapshotId: snapshot.id, includeUnreviewed: o.includeUnreviewed }),
    };
  } else {
    items = {
      kind: "pairs" as const,
      items: await loadPairItems({ ctx, snapshotId: o.snapshotId, round: o.round, policyRoundsBefore: o.policyRoundsBefore }),
    };
  }
  const benchmark = await benchmarkTrajectoryIds(ctx);
  const isBenchmark = (i: { trajectoryId: string; split: string }) => i.split === "test" || benchmark.has(i.trajectoryId);
  let skipped = 0;
  if (o.benchmarkItems === "skip") {
    const before = items.items.length;
    items =
      items.kind === "policy"
        ? { kind: "policy" as const, items: items.items.filter((i) => !isBenchmark(i)) }
        : { kind: "pairs" as const, items: items.items.filter((i) => !isBenchmark(i)) };
    skipped = before - items.items.length;
  }
  if (items.items.length === 0) throw new AppError("VALIDATION", "Nothing to export: the selection has no usable items");
  refuseBenchmarkItems(items.items, (id) => benchmark.has(id));

  const built = buildExport(o.format, items, { seed: o.name, imageRoot: o.imageRoot, round: o.round });
  if (skipped) built.counts.benchmarkSkipped = skipped;
  await validateExport(o.format, built.dataFiles); // a defect here must never reach a GPU
  const store = getBlobStore();
  const files: ExportFile[] = [];
  for (const f of built.dataFiles) {
    const put = await store.put(f.bytes, { contentType: f.contentType });
    files.push({ path: f.path, blobKey: put.key, size: put.size, contentType: f.contentType });
  }
  for (const img of built.images) {
    const size = await store.size(img.sha256);
    if (size === null) throw new AppError("UNAVAILABLE", `Image ${img.sha256} is missing from the store`);
    files.push({ path: img.path, blobKey: img.sha256, size, contentType: imageContentType(img.path) });
  }
  const hash = exportContentHash(o.format, files);
  const [existing] = await ctx.db.select().from(trainingExports).where(eq(trainingExports.hash, hash)).limit(1);
  const pairIds = items.kind === "pairs" ? items.items.map((i) => i.pairId) : [];
  if (existing) {
    // The same data exported again (or first exported before pairs were stamped).
    await markPairsExported(ctx.db, pairIds);
    return { export: existing, created: false };
  }

  const manifest: ExportManifest = {
    version: 1,
    format: o.format,
    name: o.name,
    contentHash: hash,
    counts: built.counts,
    createdBy: actor?.email ?? "system",
    createdAt: new Date().toISOString(),
    source: { snapshotId: snapshot?.id ?? null, snapshotHash: snapshot?.hash ?? null, roundId: o.roundId ?? null },
    imageRoot: o.imageRoot,
    files,
  };
  const manifestPut = await store.put(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), { contentType: "application/json" });
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trainingExports)
      .values({
        hash,
        format: o.format,
        name: o.name,
        snapshotId: snapshot?.id ?? null,
        roundId: o.roundId ?? null,
        files,
        counts: built.counts,
        manifestKey: manifestPut.key,
        createdBy: actor?.id ?? null,
      })
      .onConflictDoNothing({ target: trainingExports.hash })
      .returning();
    if (!row) {
      const [raced] = await tx.select().from(trainingExports).where(eq(trainingExports.hash, hash)).limit(1);
      return { export: raced, created: false };
    }
    await markPairsExported(tx, pairIds);
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: "training.export",
      subjectType: "training_export",
      subjectId: row.id,
      data: { hash, format: o.format, counts: built.counts },
    });
    return { export: row, created: true };
  });
}

/** Stamps the pairs a new export carries, so a round never holds one out afterwards (ensurePerturbedPairs). */
async function markPairsExported(db: Ctx["db"], pairIds: string[]) {
  for (let i = 0; i < pairIds.length; i += 5_000) {
    await db
      .update(pairs)
      .set({ exportedAt: sql`now()` })
      .where(and(inArray(pairs.id, pairIds.slice(i, i + 5_000)), isNull(pairs.exportedAt)));
  }
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  tif: "image/tiff",
  avif: "image/avif",
  heic: "image/heic",
};
const imageContentType = (path: string) => IMAGE_TYPES[path.split(".").pop() ?? ""] ?? "application/octet-stream";
