// GET /api/v1/eval/runs?benchmarkId= — eval runs with progress (the UI polls it)
import { listEvalRuns } from "@/lib/eval";
import { route } from "@/lib/http/route";

export const GET = route(async ({ ctx, req }) => {
  const benchmarkId = new URL(req.url).searchParams.get("benchmarkId") ?? undefined;
  return listEvalRuns({ ctx, input: { benchmarkId } });
});
