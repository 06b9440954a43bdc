// GET /api/v1/eval/compare?a=&b= — paired bootstrap of run A − run B per split and metric
import { compareRuns } from "@/lib/eval";
import { route } from "@/lib/http/route";

export const GET = route(async ({ ctx, req }) => {
  const q = new URL(req.url).searchParams;
  return compareRuns({ ctx, input: { a: q.get("a") ?? "", b: q.get("b") ?? "" } });
});
