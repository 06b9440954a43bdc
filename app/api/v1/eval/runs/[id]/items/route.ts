// GET /api/v1/eval/runs/:id/items[?format=csv] — every item of a run with its scores (JSON or CSV export)
import { exportEvalItemsCsv, getEvalRunOrThrow, listEvalItems } from "@/lib/eval";
import { route } from "@/lib/http/route";

export const GET = route<{ id: string }>(async ({ ctx, req, params }) => {
  if (new URL(req.url).searchParams.get("format") === "csv") {
    const csv = await exportEvalItemsCsv({ ctx, input: { runId: params.id } });
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="eval-run-${params.id}.csv"` },
    });
  }
  const { run } = await getEvalRunOrThrow({ ctx, input: params });
  return { run, items: await listEvalItems({ ctx, input: { runId: run.id, benchmarkId: run.benchmarkId } }) };
});
