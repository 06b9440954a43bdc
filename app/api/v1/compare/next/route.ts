// POST /api/v1/compare/next — lease the caller's next blind pair (null when none is left)
import { route } from "@/lib/http/route";
import { nextComparePair } from "@/lib/preference";

export const POST = route(async ({ req, ctx }) => {
  const body = await req.json().catch(() => ({}));
  return { pair: await nextComparePair({ ctx, input: body }) };
});
