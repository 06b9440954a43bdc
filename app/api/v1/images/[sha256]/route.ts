// GET /api/v1/images/:sha256 — one image's metadata and processing status
import { getImageOrThrow } from "@/lib/images";
import { route } from "@/lib/http/route";

export const GET = route<{ sha256: string }>(({ ctx, params }) => getImageOrThrow({ ctx, input: params }));
