// GET  /api/v1/images — list images, newest first (keyset: ?before=ISO)
// POST /api/v1/images — upload one image (multipart field "file", streamed to disk); 422 with a clear reason for bad files, 413 above the limit
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requireRole } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { receiveMultipart } from "@/lib/http/receive-multipart";
import { route } from "@/lib/http/route";
import { listImages, uploadImage } from "@/lib/images";

/** Bodies above this are refused while streaming (env MAX_UPLOAD_BYTES); huge images are also refused by pixel count. */
const maxUploadBytes = () => Number(process.env.MAX_UPLOAD_BYTES ?? 200 * 1024 * 1024);

export const GET = route(({ req, ctx }) => {
  const url = new URL(req.url);
  return listImages({ ctx, input: Object.fromEntries(url.searchParams) });
});

export const POST = route(async ({ req, ctx, actor }) => {
  requireRole(actor, ["researcher"]); // before reading a byte of the body
  const dir = join(tmpdir(), `riq-upload-${crypto.randomUUID()}`);
  try {
    const { files } = await receiveMultipart(req, { dir, maxBytes: maxUploadBytes(), maxFiles: 1, what: "image" });
    const file = files.find((f) => f.field === "file");
    if (!file) throw new AppError("VALIDATION", 'Send the image as multipart form field "file"');
    const bytes = new Uint8Array(await readFile(file.path));
    const result = await uploadImage({ ctx, input: { bytes, filename: file.filename.slice(0, 255) } });
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
