// GET /api/v1/images/:sha256/develop-draft?params=<edit>&engine=<version> — the photo's thumbnail
// rendered with an edit (JPEG): the Develop page's first picture (lib/images/render-develop-draft.ts)
import { isCurrentEngine, renderDevelopDraft } from "@/lib/images";
import { PRIVATE_IMMUTABLE } from "@/lib/http/cache-control";
import { route } from "@/lib/http/route";

export const GET = route<{ sha256: string }>(async ({ req, ctx, params }) => {
  const query = new URL(req.url).searchParams;
  const { bytes, contentType } = await renderDevelopDraft({ ctx, input: { sha256: params.sha256, params: query.get("params") ?? "{}" } });
  // Same engine, same photo, same edit: the same bytes. Without the engine version the URL could outlive them.
  const cache = isCurrentEngine(query.get("engine")) ? PRIVATE_IMMUTABLE : "private, no-cache";
  return new Response(new Uint8Array(bytes), { headers: { "cache-control": cache, "content-type": contentType } });
});
