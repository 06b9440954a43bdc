import "server-only";
import { eq, sql } from "drizzle-orm";
import { images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { makeDerivatives } from "@/lib/imaging";
import { getBlobStore } from "@/lib/storage";

/**
 * Decodes a stored original and writes its preview (WebP, long edge 1600)
 * and thumbnail, then marks the row ready. Idempotent: blobs are keyed by
 * content and a ready row is left alone, so a retry or duplicate job
 * writes nothing twice.
 */
export async function ingestImage({ ctx, input }: { ctx: Ctx; input: { sha256: string } }) {
  const [row] = await ctx.db.select().from(images).where(eq(images.sha256, input.sha256)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No image ${input.sha256}`);
  if (row.status === "ready") return { sha256: row.sha256, status: row.status, skipped: true };

  await ctx.db
    .update(images)
    .set({ attempts: sql`${images.attempts} + 1` })
    .where(eq(images.sha256, row.sha256));
  const store = getBlobStore();
  const original = await store.get(row.sha256);
  if (!original) throw new AppError("NOT_FOUND", `Original blob for ${row.sha256} is missing from storage`);

  const derived = await makeDerivatives(original);
  const preview = await store.put(derived.preview.bytes, { contentType: "image/webp" });
  const thumbnail = await store.put(derived.thumbnail.bytes, { contentType: "image/webp" });
  await ctx.db
    .update(images)
    .set({
      status: "ready",
      previewKey: preview.key,
      previewWidth: derived.preview.width,
      previewHeight: derived.preview.height,
      thumbnailKey: thumbnail.key,
      error: null,
      readyAt: new Date(),
    })
    .where(eq(images.sha256, row.sha256));
  return { sha256: row.sha256, status: "ready" as const, skipped: false };
}

/** Records a permanent ingest failure so the UI can show it and the sweeper skips it. */
export async function markImageFailed({ ctx, input }: { ctx: Ctx; input: { sha256: string; error: string } }) {
  await ctx.db
    .update(images)
    .set({ status: "failed", error: input.error.slice(0, 500) })
    .where(eq(images.sha256, input.sha256));
}
