import "server-only";
import { stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { z } from "zod";
import { imports } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";

export const createImportInput = z.object({
  /** A `.jsonl` manifest, or a folder (of `name.jpg` + `name.xmp`, or holding `manifest.jsonl`). */
  path: z.string().min(1),
  /** Label shown in the corpus browser; defaults to the file or folder name. */
  source: z.string().max(200).optional(),
});

/**
 * Records a new import run without processing it (the CLI runs it inline,
 * the web enqueues `import-corpus`). A folder that holds `manifest.jsonl`
 * is imported from that manifest.
 */
export async function createImport({ ctx, input }: { ctx: Ctx; input: z.input<typeof createImportInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { path, source } = parseInput(createImportInput, input);
  const full = resolve(path);
  const info = await stat(full).catch(() => null);
  if (!info) throw new AppError("VALIDATION", `Nothing to import at ${path}`);
  let kind: "manifest" | "folder" = info.isDirectory() ? "folder" : "manifest";
  let root = info.isDirectory() ? full : dirname(full);
  let manifestPath: string | null = info.isDirectory() ? null : basename(full);
  if (kind === "folder" && (await stat(resolve(full, "manifest.jsonl")).catch(() => null))) {
    kind = "manifest";
    manifestPath = "manifest.jsonl";
    root = full;
  }
  const [row] = await ctx.db
    .insert(imports)
    .values({ kind, root, manifestPath, source: source ?? basename(full), createdBy: ctx.actor?.id ?? null })
    .returning();
  return row;
}
