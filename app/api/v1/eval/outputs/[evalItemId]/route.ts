// GET /api/v1/eval/outputs/:evalItemId — the rendered output image of one scored item
import { getEvalOutputKeyOrThrow } from "@/lib/eval";
import { AppError } from "@/lib/errors";
import { PRIVATE_IMMUTABLE } from "@/lib/http/cache-control";
import { route } from "@/lib/http/route";
import { getBlobStore } from "@/lib/storage";

export const GET = route<{ evalItemId: string }>(async ({ ctx, params }) => {
  const key = await getEvalOutputKeyOrThrow({ ctx, input: params });
  const bytes = await getBlobStore().get(key);
  if (!bytes) throw new AppError("NOT_FOUND", "The rendered output is missing from storage");
  return new Response(new Uint8Array(bytes), { headers: { "content-type": "image/jpeg", "cache-control": PRIVATE_IMMUTABLE } });
});
