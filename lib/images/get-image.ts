import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { images } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

/** One image's metadata and ingest state. */
export async function getImageOrThrow({ ctx, input }: { ctx: Ctx; input: { sha256: string } }) {
  requireActor(ctx.actor);
  const { sha256 } = parseInput(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, "not a sha256") }), input);
  const [row] = await ctx.db.select().from(images).where(eq(images.sha256, sha256)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No image ${sha256}`);
  return {
    sha256: row.sha256,
    status: row.status,
    width: row.width,
    height: row.height,
    format: row.format,
    originalName: row.originalName,
    error: row.error,
    previewWidth: row.previewWidth,
    previewHeight: row.previewHeight,
    createdAt: row.createdAt.toISOString(),
  };
}
