import "server-only";
import { images } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { sha256Hex, type SupportedImageFormat } from "@/lib/imaging";
import { enqueue } from "@/lib/queue";
import { getBlobStore } from "@/lib/storage";

/**
 * Stores image bytes by content hash and writes a `pending` images row (a
 * no-op when the image is known), then asks the ingest worker for its
 * preview and thumbnail. A queue outage is not an error: the sweeper picks
 * pending rows up later.
 */
export async function storeImportedImage({
  ctx,
  bytes,
  info,
  name,
}: {
  ctx: Ctx;
  bytes: Uint8Array;
  /** Format and full size of the stored bytes. */
  info: { format: SupportedImageFormat; width: number; height: number };
  name?: string;
}): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await getBlobStore().put(bytes, { contentType: `image/${info.format}` });
  const inserted = await ctx.db
    .insert(images)
    .values({
      sha256,
      format: info.format,
      bytes: bytes.byteLength,
      width: info.width,
      height: info.height,
      originalName: name?.slice(0, 255) ?? null,
      uploadedBy: ctx.actor?.id ?? null,
    })
    .onConflictDoNothing()
    .returning({ sha256: images.sha256 });
  if (inserted.length > 0) await enqueue("ingest-image", { sha256 }).catch(() => undefined);
  return sha256;
}
