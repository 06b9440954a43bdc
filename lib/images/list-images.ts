import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { IMAGE_STATUSES, images } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { isoDateTime } from "@/lib/validation";

export const listImagesInput = z.object({
  status: z.enum(IMAGE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(48),
  /** Keyset cursor: the `createdAt` ISO time of the last row seen. */
  before: isoDateTime().optional(),
});

/** Newest images first, keyset-paginated. */
export async function listImages({ ctx, input }: { ctx: Ctx; input: z.input<typeof listImagesInput> }) {
  requireActor(ctx.actor);
  const { status, limit, before } = parseInput(listImagesInput, input);
  const where: SQL[] = [];
  if (status) where.push(eq(images.status, status));
  if (before) where.push(lt(images.createdAt, new Date(before)));
  const rows = await ctx.db
    .select({
      sha256: images.sha256,
      status: images.status,
      width: images.width,
      height: images.height,
      format: images.format,
      previewWidth: images.previewWidth,
      previewHeight: images.previewHeight,
      originalName: images.originalName,
      error: images.error,
      createdAt: images.createdAt,
    })
    .from(images)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(images.createdAt))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    nextCursor: rows.length > limit ? page[page.length - 1].createdAt.toISOString() : null,
  };
}
