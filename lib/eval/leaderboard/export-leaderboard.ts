import "server-only";
import type { Ctx } from "@/lib/context";
import { getLeaderboard } from "./get-leaderboard";
import { ALL_METRICS } from "./metric-columns";

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The leaderboard as CSV, one line per run × split × metric (mean, 95%
 * interval, n, rank), with the run's model, judge and format-failure rate,
 * so a paper table can be rebuilt from it.
 */
export async function exportLeaderboardCsv({ ctx, input }: { ctx: Ctx; input: { benchmarkId: string } }): Promise<string> {
  const board = await getLeaderboard({ ctx, input });
  const header = ["benchmark", "benchmark_hash", "run_id", "model", "judge", "judge_prompt", "pq_wording", "split", "metric", "mean", "ci_lo", "ci_hi", "n", "rank", "format_failure_rate"];
  const lines = [header.join(",")];
  for (const row of board.rows) {
    for (const group of board.groups) {
      for (const m of ALL_METRICS) {
        const c = row.cells[group]?.[m.key];
        if (!c) continue;
        lines.push(
          [board.benchmark.name, board.benchmark.contentHash, row.run.id, row.run.modelName, row.run.judgeModelName, row.run.judgePrompt, row.run.pqWording, group, m.key, c.mean, c.lo, c.hi, c.n, c.rank ?? "", row.run.formatFailureRate ?? ""]
            .map(csvCell)
            .join(","),
        );
      }
    }
  }
  return lines.join("\n") + "\n";
}
