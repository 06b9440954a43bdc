import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { images } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { decodeImage, ImageError, sha256Hex } from "@/lib/imaging";
import { parseInput } from "@/lib/parse-input";
import { plainText } from "@/lib/validation";
import { enqueue } from "@/lib/queue";
import { getBlobStore } from "@/lib/storage";

export const uploadImageInput = z.object({
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected the file bytes"),
  filename: plainText(255).optional(),
});

export type UploadResult = {
  sha256: string;
  status: "pending" | "ready" | "failed";
  duplicate: boolean;
  width: number;
  height: number;
  /** Set when the job could not be queued now; the sweeper will queue it. */
  warning?: string;
};

/**
 * Accepts one uploaded image: validates it fully (a corrupt, empty, huge or
 * non-image file is refused before anything is written), stores the
 * original by content hash, writes a `pending` images row and queues
 * `ingest-image`. Uploading the same bytes twice is a no-op.
 */
export async function uploadImage({ ctx, input }: { ctx: Ctx; input: z.input<typeof uploadImageInput> }): Promise<UploadResult> {
  requireRole(ctx.actor, ["researcher"]);
  const { bytes, filename } = parseInput(uploadImageInput, input);

  let decoded;
  try {
    // A small shrink-on-load decode still reads every scan, so truncated
    // and corrupt files fail here, before any row or blob exists.
    decoded = await decodeImage(bytes, { maxEdge: 64 });
  } catch (e) {
    if (e instanceof ImageError) throw new AppError("VALIDATION", e.message, { code: e.code, filename });
    throw e;
  }
  const sha256 = sha256Hex(bytes);

  const store = getBlobStore();
  const [existing] = await ctx.db.select().from(images).where(eq(images.sha256, sha256)).limit(1);
  if (existing) {
    // Re-uploading is also how a lost original is restored and stuck work resumed.
    if (!(await store.has(sha256))) await store.put(bytes, { contentType: `image/${decoded.source.format}` });
    const result: UploadResult = { sha256, status: existing.status, duplicate: true, width: existing.width, height: existing.height };
    if (existing.status === "pending") await enqueue("ingest-image", { sha256 }).catch((e: Error) => (result.warning = e.message));
    return result;
  }

  const blob = await store.put(bytes, { contentType: `image/${decoded.source.format}` });
  try {
    await ctx.db
      .insert(images)
      .values({
        sha256,
        format: decoded.source.format,
        bytes: bytes.byteLength,
        width: decoded.source.width,
        height: decoded.source.height,
        originalName: filename ?? null,
        uploadedBy: ctx.actor?.id ?? null,
      })
      .onConflictDoNothing();
    await recordAudit({ ctx, action: "image.upload", subjectType: "image", subjectId: sha256, data: { filename } });
  } catch (e) {
    if (blob.created) await store.delete(sha256); // leave no orphan blob behind
    throw e;
  }

  const result: UploadResult = {
    sha256,
    status: "pending",
    duplicate: false,
    width: decoded.source.width,
    height: decoded.source.height,
  };
  try {
    await enqueue("ingest-image", { sha256 });
  } catch (e) {
    result.warning = `${(e as Error).message}; it will be processed when the queue is back`;
  }
  return result;
}
