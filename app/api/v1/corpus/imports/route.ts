// POST /api/v1/corpus/imports — upload a folder or a manifest + files (multipart "files" + "paths" JSON) and queue the import
import { stageUpload } from "@/lib/corpus";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** A whole Lightroom export can be large; refuse bodies above this before reading them. */
const MAX_IMPORT_UPLOAD_BYTES = Number(process.env.MAX_IMPORT_UPLOAD_BYTES ?? 1024 * 1024 * 1024);

export const POST = route(async ({ req, ctx }) => {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_UPLOAD_BYTES) throw new AppError("VALIDATION", `Upload is larger than ${MAX_IMPORT_UPLOAD_BYTES / 1024 / 1024} MB; use retouch import on the server`);
  const form = await req.formData().catch(() => null);
  if (!form) throw new AppError("VALIDATION", 'Send multipart form data with "files" and "paths"');
  const blobs = form.getAll("files").filter((f): f is File => f instanceof File);
  // Browsers may strip folders from multipart file names, so relative paths come separately.
  let paths: unknown;
  try {
    paths = JSON.parse(String(form.get("paths") ?? "[]"));
  } catch {
    throw new AppError("VALIDATION", '"paths" must be a JSON array of relative paths');
  }
  if (!Array.isArray(paths) || paths.length !== blobs.length) throw new AppError("VALIDATION", '"paths" must list one relative path per file');
  const files = await Promise.all(blobs.map(async (f, i) => ({ path: String(paths[i]), bytes: new Uint8Array(await f.arrayBuffer()) })));
  const source = form.get("source");
  const result = await stageUpload({ ctx, input: { files, source: typeof source === "string" && source ? source : undefined } });
  return Response.json(result, { status: 202 });
});
