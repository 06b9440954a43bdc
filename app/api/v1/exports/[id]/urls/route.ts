// GET /api/v1/exports/:id/urls — a URL per export file for training jobs (signed on S3 storage; researcher or `export` token)
import { route } from "@/lib/http/route";
import { getExportUrls } from "@/lib/training/export";

export const GET = route<{ id: string }>(async ({ req, ctx, params }) => {
  const url = new URL(req.url);
  return getExportUrls({
    ctx,
    input: { exportId: params.id, expiresInS: url.searchParams.get("expiresInS") ?? undefined },
    baseUrl: process.env.APP_URL || url.origin,
  });
});
