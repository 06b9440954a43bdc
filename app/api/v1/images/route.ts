// GET  /api/v1/images — list images, newest first (keyset: ?before=ISO)
// POST /api/v1/images — upload one image (multipart field "file"); 422 with a clear reason for bad files
import { AppError } from "@/lib/errors";
import { listImages, uploadImage } from "@/lib/images";
import { route } from "@/lib/http/route";

/** Refuse bodies above this before reading them (huge files are rejected by pixel count later too). */
const MAX_UPLOAD_BYTES = Number(process.env.MAX_UPLOAD_BYTES ?? 200 * 1024 * 1024);

export const GET = route(({ req, ctx }) => {
  const url = new URL(req.url);
  return listImages({ ctx, input: Object.fromEntries(url.searchParams) });
});

export const POST = route(async ({ req, ctx }) => {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_UPLOAD_BYTES) throw new AppError("VALIDATION", `File is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File)) throw new AppError("VALIDATION", 'Send the image as multipart form field "file"');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await uploadImage({ ctx, input: { bytes, filename: file.name } });
  return Response.json(result, { status: result.duplicate ? 200 : 201 });
});
