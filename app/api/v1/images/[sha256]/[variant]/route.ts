// GET /api/v1/images/:sha256/:variant — bytes of the original, preview or thumbnail
import { getImageBlob, IMAGE_VARIANTS } from "@/lib/images";
import { PRIVATE_IMMUTABLE } from "@/lib/http/cache-control";
import { route } from "@/lib/http/route";

// Content-addressed: the bytes behind a hash never change, so the browser keeps them and a revalidation is a 304.
const CACHE_HEADERS = { "cache-control": PRIVATE_IMMUTABLE };
const etagOf = ({ sha256, variant }: { sha256: string; variant: string }) =>
  /^[0-9a-f]{64}$/.test(sha256) && (IMAGE_VARIANTS as readonly string[]).includes(variant) ? `"${sha256}-${variant}"` : null;

export const GET = route<{ sha256: string; variant: string }>(async ({ req, ctx, params }) => {
  const etag = etagOf(params);
  // Still behind route()'s sign-in check; a client that holds these bytes needs no database or disk read.
  if (etag && req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: { ...CACHE_HEADERS, etag } });
  const { bytes, contentType } = await getImageBlob({ ctx, input: params as never });
  return new Response(new Uint8Array(bytes), { headers: { ...CACHE_HEADERS, ...(etag ? { etag } : {}), "content-type": contentType } });
});
