// POST /api/v1/corpus/imports — upload a folder or a manifest + files (multipart "files" + "paths" JSON), streamed to disk, and queue the import
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { requireRole } from "@/lib/auth";
import { importStagingDir, stageUpload } from "@/lib/corpus";
import { AppError } from "@/lib/errors";
import { receiveMultipart } from "@/lib/http/receive-multipart";
import { route } from "@/lib/http/route";

/** A whole Lightroom export can be large; bodies above this are refused while streaming (env MAX_IMPORT_UPLOAD_BYTES). */
const maxImportBytes = () => Number(process.env.MAX_IMPORT_UPLOAD_BYTES ?? 1024 * 1024 * 1024);

export const POST = route(async ({ req, ctx, actor }) => {
  requireRole(actor, ["researcher"]); // before reading a byte of the body
  const incoming = resolve(importStagingDir(), `.incoming-${crypto.randomUUID()}`);
  try {
    const { files, fields } = await receiveMultipart(req, { dir: incoming, maxBytes: maxImportBytes(), maxFiles: 20_000, what: "import" });
    // Browsers may strip folders from multipart file names, so relative paths come separately.
    let paths: unknown;
    try {
      paths = JSON.parse(fields.paths ?? "[]");
    } catch {
      throw new AppError("VALIDATION", '"paths" must be a JSON array of relative paths');
    }
    const blobs = files.filter((f) => f.field === "files");
    if (!Array.isArray(paths) || paths.length !== blobs.length)
      throw new AppError("VALIDATION", '"paths" must list one relative path per file');
    const source = fields.source || undefined;
    const result = await stageUpload({
      ctx,
      input: { files: blobs.map((f, i) => ({ path: String(paths[i]), stagedAt: f.path })), source },
    });
    return Response.json(result, { status: 202 });
  } finally {
    await rm(incoming, { recursive: true, force: true });
  }
});
