import "server-only";
import { eq } from "drizzle-orm";
import { copyFile, link, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { trainingExports } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { getBlobStore } from "@/lib/storage";

/**
 * Lays an export out as a folder (`manifest.json`, data files, `images/…`) for
 * a trainer on this machine. Files are hard-linked from the local blob store
 * when possible (images are written once, never copied per export).
 */
export async function materializeExport({ ctx, exportId, dir }: { ctx: Ctx; exportId: string; dir: string }): Promise<string> {
  const [row] = await ctx.db.select().from(trainingExports).where(eq(trainingExports.id, exportId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "No such export");
  const store = getBlobStore();
  const files = [...row.files, { path: "manifest.json", blobKey: row.manifestKey }];
  for (const f of files) {
    const target = path.join(dir, f.path);
    await mkdir(path.dirname(target), { recursive: true });
    const source = store.pathFor?.(f.blobKey);
    if (source) {
      await link(source, target).catch((e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? undefined : copyFile(source, target)));
      continue;
    }
    const bytes = await store.get(f.blobKey);
    if (!bytes) throw new AppError("UNAVAILABLE", `Export file ${f.path} is missing from the store`);
    await writeFile(target, bytes);
  }
  return dir;
}
