// GET /api/v1/exports/:id/files/:path — one file of an export (manifest.json, data, images), streamed with Range support
import { blobResponse } from "@/lib/http/blob-response";
import { route } from "@/lib/http/route";
import { getExportFile } from "@/lib/training/export";

export const GET = route<{ id: string; path: string[] }>(async ({ req, ctx, params }) => {
  const file = await getExportFile({ ctx, input: { exportId: params.id, path: params.path.join("/") } });
  return blobResponse(req, file);
});
