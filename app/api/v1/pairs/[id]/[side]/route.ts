// GET /api/v1/pairs/:id/:side — the render this user sees as A or B (blind: sides are per user)
import { route } from "@/lib/http/route";
import { getPairImage } from "@/lib/preference";

export const GET = route<{ id: string; side: string }>(async ({ ctx, params }) => {
  const { bytes, contentType } = await getPairImage({ ctx, input: { pairId: params.id, side: params.side as "a" | "b" } });
  // Private and per user: the same URL shows another member to someone else.
  return new Response(new Uint8Array(bytes), { headers: { "content-type": contentType, "cache-control": "private, max-age=3600" } });
});
