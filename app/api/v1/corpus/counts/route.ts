// GET /api/v1/corpus/counts — trajectory counts by status, category and split (kept by triggers, no table scan)
import { getCorpusCounts } from "@/lib/corpus";
import { route } from "@/lib/http/route";

export const GET = route(({ ctx }) => getCorpusCounts({ ctx }));
