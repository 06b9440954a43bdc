// GET /api/v1/blobs/:key — bytes of a stored blob (renders, export files) for trainers without shared storage; Range supported
import { requireScope } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { blobResponse } from "@/lib/http/blob-response";
import { route } from "@/lib/http/route";
import { isBlobKey } from "@/lib/storage";

export const GET = route<{ key: string }>(async ({ req, ctx, params }) => {
  requireScope(ctx.actor, "reward");
  if (!isBlobKey(params.key)) throw new AppError("VALIDATION", "Not a blob key (64 lowercase hex characters)");
  return blobResponse(req, { blobKey: params.key, contentType: "application/octet-stream", fileName: params.key });
});
