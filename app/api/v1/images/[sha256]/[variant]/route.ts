// GET /api/v1/images/:sha256/:variant — bytes of the original, preview or thumbnail
import { getImageBlob } from "@/lib/images";
import { route } from "@/lib/http/route";

export const GET = route<{ sha256: string; variant: string }>(async ({ ctx, params }) => {
  const { bytes, contentType } = await getImageBlob({ ctx, input: params as never });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": contentType,
      // Content-addressed: the bytes behind a hash never change.
      "cache-control": "private, max-age=31536000, immutable",
    },
  });
});
