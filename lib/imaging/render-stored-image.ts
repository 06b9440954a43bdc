import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { images, renders, type RenderSize } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { canonicalParams, ENGINE_VERSION, renderImage, type DevelopParams } from "@/lib/develop";
import { AppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage";
import { decodeImage } from "./decode-image";
import { encodeImage } from "./encode-image";
import { PREVIEW_MAX_EDGE } from "./make-derivatives";

/** Renders are stored as high-quality JPEG, the format trainers and judges consume. */
const RENDER_JPEG_QUALITY = 95;

export type StoredRender = {
  cacheKey: string;
  /** Blob key (sha256) of the rendered JPEG. */
  outputKey: string;
  width: number;
  height: number;
  notRendered: { key: string; reason: string }[];
  cached: boolean;
};

/** The cache key of a render: the same source, params, engine and size always give the same key. */
export function renderCacheKey({
  sourceSha,
  params,
  size,
  seed = 0,
}: {
  sourceSha: string;
  params: DevelopParams;
  size: RenderSize;
  seed?: number;
}) {
  // The grain seed changes pixels, so it is part of the key.
  return createHash("sha256")
    .update(`${sourceSha}|${canonicalParams(params)}|${ENGINE_VERSION}|${size}|${seed}`)
    .digest("hex");
}

/**
 * Execute(I0, params) on a stored image: decodes the original (ICC profile
 * converted to sRGB, EXIF rotation applied; shrink-on-load for previews),
 * runs the develop engine, stores the JPEG by content hash and records the
 * render in the cache index, so the same request never renders twice.
 */
export async function renderStoredImage({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: { sourceSha: string; params: DevelopParams; size?: RenderSize; seed?: number };
}): Promise<StoredRender> {
  const size = input.size ?? "full";
  const cacheKey = renderCacheKey({ sourceSha: input.sourceSha, params: input.params, size, seed: input.seed });
  const [hit] = await ctx.db.select().from(renders).where(eq(renders.cacheKey, cacheKey)).limit(1);
  const store = getBlobStore();
  if (hit && (await store.has(hit.outputKey))) {
    return { cacheKey, outputKey: hit.outputKey, width: hit.width, height: hit.height, notRendered: hit.notRendered, cached: true };
  }

  const [source] = await ctx.db.select({ sha256: images.sha256 }).from(images).where(eq(images.sha256, input.sourceSha)).limit(1);
  if (!source) throw new AppError("NOT_FOUND", `No image ${input.sourceSha}`);
  const bytes = await store.get(input.sourceSha);
  if (!bytes) throw new AppError("NOT_FOUND", `Original of ${input.sourceSha} is missing from storage`);

  const decoded = await decodeImage(bytes, size === "preview" ? { maxEdge: PREVIEW_MAX_EDGE } : {});
  const { image, report } = renderImage({ image: decoded, params: input.params, options: { seed: input.seed } });
  const jpeg = await encodeImage(
    {
      data: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength),
      width: image.width,
      height: image.height,
      channels: image.channels,
    },
    { format: "jpeg", quality: RENDER_JPEG_QUALITY },
  );
  const { key: outputKey } = await store.put(jpeg, { contentType: "image/jpeg" });
  await ctx.db
    .insert(renders)
    .values({
      cacheKey,
      sourceSha: input.sourceSha,
      canonicalParams: canonicalParams(input.params),
      engineVersion: ENGINE_VERSION,
      size,
      outputKey,
      width: image.width,
      height: image.height,
      notRendered: report.notRendered,
    })
    .onConflictDoNothing();
  return { cacheKey, outputKey, width: image.width, height: image.height, notRendered: report.notRendered, cached: false };
}
