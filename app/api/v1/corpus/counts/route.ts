// GET /api/v1/corpus/counts — trajectory counts by status, category and split (kept by triggers, no table scan);
// with filter fields in the query string, also how many trajectories that filter matches
import { countMatching, getCorpusCounts } from "@/lib/corpus";
import { route } from "@/lib/http/route";

export const GET = route(async ({ req, ctx }) => {
  const filter = Object.fromEntries(new URL(req.url).searchParams);
  const counts = await getCorpusCounts({ ctx });
  return Object.keys(filter).length ? { ...counts, ...(await countMatching({ ctx, input: filter })) } : counts;
});
