import "server-only";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
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

const relativePath = z
  .string()
  .min(1)
  .max(500)
  .regex(SAFE_PATH, "relative paths only, without NUL bytes or backslashes")
  .refine((p) => p.split("/").every((part) => Buffer.byteLength(part) <= 255), "each file or folder name can be at most 255 bytes");

export const stageUploadInput = z.object({
  files: z
    .array(
      z.union([
        z.object({ path: relativePath, bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, "expected the file bytes") }),
        /** A file the upload route already streamed into the staging folder (see receiveMultipart). */
        z.object({ path: relativePath, stagedAt: z.string().min(1).max(4096) }),
      ]),
    )
    .min(1, "drop a folder or a manifest with its files")
    .max(20_000)
    .superRefine((files, issue) => {
      const conflict = overlappingPath(files.map((f) => f.path));
      if (conflict) issue.addIssue({ code: "custom", message: conflict });
    }),
  source: z.string().trim().max(200).optional(),
});

/** "a/b" twice, or "a" as a file beside "a/b.jpg", cannot both be written: say which. */
function overlappingPath(paths: string[]): string | null {
  const all = new Set<string>();
  for (const p of paths) {
    if (all.has(p)) return `${p} appears twice`;
    all.add(p);
  }
  for (const p of paths) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join("/");
      if (all.has(folder)) return `${folder} is both a file and a folder (${p})`;
    }
  }
  return null;
}

/**
 * Web import: writes a dropped folder (or manifest + files) into a fresh
 * staging folder, keeping relative paths, records the import and queues
 * `import-corpus`, the same verb the CLI runs. A `.jsonl` among the files
 * makes it a manifest import; otherwise the folder is scanned for
 * `name.jpg` + `name.xmp`.
 */
export async function stageUpload({ ctx, input }: { ctx: Ctx; input: z.input<typeof stageUploadInput> }) {
  requireRole(ctx.actor, ["researcher"]);
  const { files, source } = parseInput(stageUploadInput, input);
  const manifests = files.filter((f) => /\.jsonl$/i.test(f.path));
  if (manifests.length > 1)
    throw new AppError("VALIDATION", `Drop one manifest at a time (got ${manifests.map((m) => m.path).join(", ")})`);
  const staging = resolve(importStagingDir());
  const root = resolve(staging, crypto.randomUUID());
  let run: Awaited<ReturnType<typeof createImport>>;
  try {
    for (const f of files) {
      const target = resolve(root, f.path);
      if (!target.startsWith(root + sep)) throw new AppError("VALIDATION", `${f.path} points outside the upload`);
      await mkdir(dirname(target), { recursive: true });
      if ("bytes" in f) await writeFile(target, f.bytes);
      else if (resolve(f.stagedAt).startsWith(staging + sep)) await rename(f.stagedAt, target);
      else throw new AppError("VALIDATION", `${f.path} was not staged by this server`);
    }
    const path = manifests.length === 1 ? join(/* turbopackIgnore: true */ root, manifests[0].path) : root;
    run = await createImport({ ctx, input: { path, source: source ?? manifests[0]?.path ?? files[0].path.split("/")[0] } });
  } catch (error) {
    // A rejected import leaves no staging folder behind.
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  let warning: string | undefined;
  await enqueue("import-corpus", { importId: run.id }).catch(
    (e: Error) => (warning = `${e.message}; run it later with retouch import --resume ${run.id}`),
  );
  return { importId: run.id, files: files.length, warning };
}
