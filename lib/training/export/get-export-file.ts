import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { trainingExports } from "@/db/schema";
import { requireScope } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

const input = z.object({ exportId: z.uuid(), path: z.string().min(1).max(300) });

/**
 * Which blob serves one file of an export (`manifest.json` included), for the
 * download route. Researchers, or tokens with the `export` scope (training nodes).
 */
export async function getExportFile({ ctx, input: raw }: { ctx: Ctx; input: z.input<typeof input> }) {
  requireScope(ctx.actor, "export");
  const { exportId, path } = parseInput(input, raw);
  const [row] = await ctx.db.select().from(trainingExports).where(eq(trainingExports.id, exportId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "No such export");
  if (path === "manifest.json") return { blobKey: row.manifestKey, contentType: "application/json", fileName: `${row.name}-manifest.json` };
  const file = row.files.find((f) => f.path === path);
  if (!file) throw new AppError("NOT_FOUND", `No file ${path} in this export`);
  return { blobKey: file.blobKey, contentType: file.contentType, fileName: path.split("/").pop()! };
}
