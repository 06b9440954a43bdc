import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { trainingExports } from "@/db/schema";
import { requireScope } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";

const input = z.object({
  exportId: z.uuid(),
  expiresInS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(24 * 3600),
});

/**
 * Where a training job fetches each file of an export: time-limited signed
 * URLs on S3 storage (the job never sees credentials or local paths), or the
 * platform's resumable download route on local storage.
 */
export async function getExportUrls({ ctx, input: raw, baseUrl }: { ctx: Ctx; input: unknown; baseUrl: string }) {
  requireScope(ctx.actor, "export");
  const { exportId, expiresInS } = parseInput(input, raw);
  const [row] = await ctx.db.select().from(trainingExports).where(eq(trainingExports.id, exportId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "No such export");
  const store = getBlobStore();
  const files = [{ path: "manifest.json", blobKey: row.manifestKey }, ...row.files];
  const urls = await Promise.all(
    files.map(async (f) => ({
      path: f.path,
      url: store.signedUrl
        ? await store.signedUrl(f.blobKey, { expiresInS })
        : `${baseUrl.replace(/\/+$/, "")}/api/v1/exports/${row.id}/files/${f.path}`,
    })),
  );
  return { exportId: row.id, hash: row.hash, signed: !!store.signedUrl, expiresInS: store.signedUrl ? expiresInS : null, files: urls };
}
