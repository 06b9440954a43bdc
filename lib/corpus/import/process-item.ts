import "server-only";
import { eq } from "drizzle-orm";
import { trajectories } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { renderImage } from "@/lib/develop";
import { decodeImage, encodeImage, ImageError, type DecodedImage } from "@/lib/imaging";
import { assignSplit } from "../classify/assign-split";
import { classifyCategory, hasLocalCorrections, type CategoryRules } from "../classify/classify-category";
import { asRawImage } from "./as-raw-image";
import { contentKeyOf, paramsHashOf } from "./content-key";
import { RowError, type FileSource } from "./file-source";
import type { ImportItem } from "./import-item";
import { FIDELITY_MAX_EDGE, measureFidelity } from "./measure-fidelity";
import { readItemParams } from "./read-item-params";
import { storeImportedImage } from "./store-image";

export type ProcessItemResult = { status: "imported" | "duplicate"; trajectoryId: string };

/** Rendered after images are stored as high-quality JPEG, like the render cache. */
const RENDER_JPEG_QUALITY = 95;

/**
 * Imports one item: reads and validates its params and images, dedups by
 * content key, stores the images, renders the after image when none was
 * supplied (or measures the engine's fidelity against the supplied one),
 * classifies it and writes the trajectory. Throws `RowError` with a
 * reason a researcher can act on.
 */
export async function processItem({
  ctx,
  item,
  files,
  importId,
  source,
  rules,
}: {
  ctx: Ctx;
  item: ImportItem;
  files: FileSource;
  importId: string | null;
  source: string;
  rules?: Partial<CategoryRules>;
}): Promise<ProcessItemResult> {
  const params = await readItemParams(item, files);
  const beforeBytes = await files.read(item.before);
  const beforeSmall = await decodeOrReject(beforeBytes, item.before, FIDELITY_MAX_EDGE);
  const sourceSha = await storeImportedImage({ ctx, bytes: beforeBytes, info: beforeSmall.source, name: item.before });
  const contentKey = contentKeyOf(sourceSha, params);
  const [existing] = await ctx.db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(eq(trajectories.contentKey, contentKey))
    .limit(1);
  if (existing) return { status: "duplicate", trajectoryId: existing.id };

  let targetSha: string;
  let fidelity: { l1: number; deltaE: number } | null = null;
  if (item.after) {
    const afterBytes = await files.read(item.after);
    const afterSmall = await decodeOrReject(afterBytes, item.after, FIDELITY_MAX_EDGE);
    fidelity = await measureFidelity({ before: beforeSmall, after: afterSmall, params });
    targetSha = await storeImportedImage({ ctx, bytes: afterBytes, info: afterSmall.source, name: item.after });
  } else {
    const full = await decodeOrReject(beforeBytes, item.before);
    const image = asRawImage(renderImage({ image: full, params }).image);
    const jpeg = new Uint8Array(await encodeImage(image, { format: "jpeg", quality: RENDER_JPEG_QUALITY }));
    const info = { format: "jpeg" as const, width: image.width, height: image.height };
    targetSha = await storeImportedImage({ ctx, bytes: jpeg, info, name: `${item.ref} (rendered)` });
  }

  const decision = item.category ? { category: item.category, reason: "set by the manifest" } : classifyCategory(params, rules);
  const [row] = await ctx.db
    .insert(trajectories)
    .values({
      sourceSha,
      targetSha,
      params: params as Record<string, unknown>,
      paramsHash: paramsHashOf(params),
      contentKey,
      origin: item.origin ?? "import",
      split: item.split ?? assignSplit(sourceSha),
      category: decision.category,
      categoryReason: decision.reason,
      hasLocalCorrections: hasLocalCorrections(params),
      targetRendered: !item.after,
      fidelityL1: fidelity?.l1 ?? null,
      fidelityDeltaE: fidelity?.deltaE ?? null,
      source,
      importId,
      license: item.license ?? null,
      consent: item.consent ?? null,
      externalId: item.id ?? null,
    })
    .onConflictDoNothing({ target: trajectories.contentKey })
    .returning({ id: trajectories.id });
  if (row) return { status: "imported", trajectoryId: row.id };
  // Lost a race with a concurrent import of the same edit: that row stands.
  const [winner] = await ctx.db.select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.contentKey, contentKey)).limit(1);
  return { status: "duplicate", trajectoryId: winner.id };
}

async function decodeOrReject(bytes: Uint8Array, name: string, maxEdge?: number): Promise<DecodedImage> {
  try {
    return await decodeImage(bytes, maxEdge ? { maxEdge } : {});
  } catch (e) {
    if (e instanceof ImageError) throw new RowError(`${name}: ${e.message}`);
    throw e;
  }
}
