import "server-only";
import type { Ctx } from "@/lib/context";
import { getEvalRunOrThrow } from "../runs/list-eval-runs";
import { listEvalItems } from "../runs/list-eval-items";
import { getLeaderboard } from "./get-leaderboard";
import { ALL_METRICS } from "./metric-columns";
import { toCsv } from "./to-csv";

/**
 * The leaderboard as CSV, one line per run × split × metric (mean, 95%
 * interval, n, rank), with the run's model, judge and format-failure rate,
 * so a paper table can be rebuilt from it.
 */
export async function exportLeaderboardCsv({ ctx, input }: { ctx: Ctx; input: { benchmarkId: string } }): Promise<string> {
  const board = await getLeaderboard({ ctx, input });
  const header = [
    "benchmark",
    "benchmark_hash",
    "run_id",
    "model",
    "judge",
    "judge_prompt",
    "pq_wording",
    "split",
    "metric",
    "mean",
    "ci_lo",
    "ci_hi",
    "n",
    "rank",
    "format_failure_rate",
  ];
  const lines: unknown[][] = [];
  for (const row of board.rows) {
    for (const group of board.groups) {
      for (const m of ALL_METRICS) {
        const c = row.cells[group]?.[m.key];
        if (!c) continue;
        lines.push([
          board.benchmark.name,
          board.benchmark.contentHash,
          row.run.id,
          row.run.modelName,
          row.run.judgeModelName,
          row.run.judgePrompt,
          row.run.pqWording,
          group,
          m.key,
          c.mean,
          c.lo,
          c.hi,
          c.n,
          c.rank,
          row.run.formatFailureRate,
        ]);
      }
    }
  }
  return toCsv(header, lines);
}

/** Every item of a run with its scores, one CSV line each (failed and unscored items included, empty cells). */
export async function exportEvalItemsCsv({ ctx, input }: { ctx: Ctx; input: { runId: string } }): Promise<string> {
  const { run } = await getEvalRunOrThrow({ ctx, input: { id: input.runId } });
  const rows = await listEvalItems({ ctx, input: { runId: run.id, benchmarkId: run.benchmarkId } });
  const header = ["position", "split", "instruction", "parse_status", "l1", "l2", "psnr", "ssim", "lpips", "sc", "pq", "o"];
  return toCsv(
    header,
    rows.map(({ item, result: r }) => [
      item.position,
      item.split,
      item.instruction,
      r?.parseStatus,
      r?.metrics?.l1,
      r?.metrics?.l2,
      r?.metrics?.psnr,
      r?.metrics?.ssim,
      r?.metrics?.lpips,
      r?.sc,
      r?.pq,
      r?.o,
    ]),
  );
}
