// GET /api/v1/eval/leaderboard/:benchmarkId[?format=csv] — the leaderboard with 95% intervals, as JSON or CSV
import { exportLeaderboardCsv, getLeaderboard } from "@/lib/eval";
import { route } from "@/lib/http/route";

export const GET = route<{ benchmarkId: string }>(async ({ ctx, req, params }) => {
  const format = new URL(req.url).searchParams.get("format");
  if (format === "csv") {
    const csv = await exportLeaderboardCsv({ ctx, input: params });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="leaderboard-${params.benchmarkId}.csv"`,
      },
    });
  }
  const board = await getLeaderboard({ ctx, input: params });
  if (format !== "json") return board;
  return new Response(JSON.stringify(board, null, 2), {
    headers: { "content-type": "application/json", "content-disposition": `attachment; filename="leaderboard-${params.benchmarkId}.json"` },
  });
});
