import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { images } from "@/db/schema";
import { requireActor } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";
import { toLosslessPng } from "./to-lossless-png";

/** `preview-png` is the preview decoded losslessly, so the browser develop preview starts from exactly the pixels the server renders. */
export const IMAGE_VARIANTS = ["original", "preview", "thumbnail", "preview-png"] as const;

const input = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), variant: z.enum(IMAGE_VARIANTS) });

/** The bytes and content type of one stored image variant. */
export async function getImageBlob({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  requireActor(ctx.actor);
  const { sha256, variant } = parseInput(input, raw);
  const [row] = await ctx.db.select().from(images).where(eq(images.sha256, sha256)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No image ${sha256}`);
  const key = variant === "original" ? row.sha256 : variant === "thumbnail" ? row.thumbnailKey : row.previewKey;
  if (!key) throw new AppError("CONFLICT", `The ${variant} of ${sha256} is not ready yet (status ${row.status})`);
  const bytes = await getBlobStore().get(key);
  if (!bytes) throw new AppError("NOT_FOUND", `Blob ${key} is missing from storage`);
  if (variant === "preview-png") return { bytes: await toLosslessPng(bytes), contentType: "image/png" };
  // `format` is what the header sniffing recorded at upload (jpeg, png, webp, tiff, avif).
  const contentType = variant === "original" ? `image/${row.format}` : "image/webp";
  return { bytes, contentType };
}
