// GET /api/v1/candidates/:id/image — a candidate's engine render (researcher views, Fix it)
import { PRIVATE_IMMUTABLE } from "@/lib/http/cache-control";
import { route } from "@/lib/http/route";
import { getCandidateImage } from "@/lib/preference";

export const GET = route<{ id: string }>(async ({ ctx, params }) => {
  const { bytes, contentType } = await getCandidateImage({ ctx, input: { candidateId: params.id } });
  return new Response(new Uint8Array(bytes), { headers: { "content-type": contentType, "cache-control": PRIVATE_IMMUTABLE } });
});
