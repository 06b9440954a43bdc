import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { enqueue } from "@/lib/queue";
import { createImport } from "./create-import";

/** Where uploaded folders are staged before the import job reads them (env `IMPORT_STAGING_DIR`). */
export const importStagingDir = () => process.env.IMPORT_STAGING_DIR ?? "./data/import-staging";

const SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.(\/|$))[^\0\\]+$/;

export const stageUploadInput = z.object({
  files: z
    .array(z.object({ path: z.string().min(1).max(500).regex(SAFE_PATH, "relative paths only"), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array) }))
    .min(1, "drop a folder or a manifest with its files")
    .max(20_000),
  source: z.string().trim().max(200).optional(),
});

/**
 * Web import: writes a dropped folder (or manifest + files) into a fresh
 * staging folder, keeping relative paths, records the import and queues
 * `import-corpus`, the same verb the CLI runs. A `.jsonl` among the files
 * makes it a manifest import; otherwise the folder is scanned for
 * `name.jpg` + `name.xmp`.
 */
export async function stageUpload({ ctx, input }: { ctx: Ctx; input: z.input<typeof stageUploadInput> }) {
  const { files, source } = parseInput(stageUploadInput, input);
  requireRole(ctx.actor, ["researcher"]);
  const root = resolve(importStagingDir(), crypto.randomUUID());
  for (const f of files) {
    const target = resolve(root, f.path);
    if (!target.startsWith(root + sep)) throw new AppError("VALIDATION", `${f.path} points outside the upload`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.bytes);
  }
  const manifests = files.filter((f) => /\.jsonl$/i.test(f.path));
  if (manifests.length > 1) throw new AppError("VALIDATION", `Drop one manifest at a time (got ${manifests.map((m) => m.path).join(", ")})`);
  const path = manifests.length === 1 ? join(/* turbopackIgnore: true */ root, manifests[0].path) : root;
  const run = await createImport({ ctx, input: { path, source: source ?? (manifests[0]?.path ?? files[0].path.split("/")[0]) } });
  let warning: string | undefined;
  await enqueue("import-corpus", { importId: run.id }).catch((e: Error) => (warning = `${e.message}; run it later with retouch import --resume ${run.id}`));
  return { importId: run.id, files: files.length, warning };
}
