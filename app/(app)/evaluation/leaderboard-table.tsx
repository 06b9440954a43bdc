import type { Leaderboard } from "@/app/_queries/eval";
import { cn } from "@/app/_components/ui/cn";

/**
 * The paper's table layout: rows = runs (models), column groups = splits,
 * each cell the mean with its bootstrap 95% interval below; the best value
 * of a column is bold, the second underlined.
 */
export function LeaderboardTable({ board }: { board: Leaderboard }) {
  if (board.rows.length === 0) return <p className="text-sm text-zinc-500">No runs yet.</p>;
  const arrow = (better: string) => (better === "lower" ? "↓" : "↑");
  return (
    <div className="max-w-full overflow-x-auto" data-testid="leaderboard" data-layout={board.layout}>
      <table className="w-full border-collapse text-xs sm:text-sm">
        <caption className="mb-2 text-left text-xs text-zinc-500">
          {board.layout === "table2"
            ? "Table 2 layout (FiveK): PSNR, SSIM on 8-bit sRGB; LPIPS only with a scorer."
            : "Table 1 layout: L1, L2 (MSE) on [0,1]; SC, PQ, O = √(SC·PQ) from the judge, 0–10."}{" "}
          Mean over items, [95% bootstrap interval]; <b>best</b>, <u>second</u>.
        </caption>
        <thead>
          <tr>
            <th rowSpan={2} className="border-b px-2 py-1 text-left align-bottom">
              Model
            </th>
            {board.groups.map((g) => (
              <th key={g} colSpan={board.columns.length} className="border-b border-l px-2 py-1 text-center capitalize">
                {g}
              </th>
            ))}
            <th rowSpan={2} className="border-b border-l px-2 py-1 text-right align-bottom">
              Format fail
            </th>
            <th
              rowSpan={2}
              className="border-b border-l px-2 py-1 text-right align-bottom"
              title="JarvisArt rule-based reward (runs with that scorer)"
            >
              Rule R↑
            </th>
          </tr>
          <tr>
            {board.groups.flatMap((g) =>
              board.columns.map((c, i) => (
                <th key={`${g}-${c.key}`} className={cn("border-b px-2 py-1 text-right font-medium", i === 0 && "border-l")}>
                  {c.label}
                  {arrow(c.better)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {board.rows.map((row) => (
            <tr key={row.run.id} data-testid="leaderboard-row">
              <th scope="row" className="border-b px-2 py-1 text-left font-medium">
                {row.run.modelName}
                <span className="block text-xs font-normal text-zinc-500">
                  {row.run.completed}/{row.run.total} · {row.run.id.slice(0, 8)}
                </span>
              </th>
              {board.groups.flatMap((g) =>
                board.columns.map((c, i) => {
                  const cell = row.cells[g]?.[c.key];
                  return (
                    <td
                      key={`${g}-${c.key}`}
                      className={cn("border-b px-2 py-1 text-right tabular-nums", i === 0 && "border-l")}
                      data-metric={`${g}.${c.key}`}
                    >
                      {cell ? (
                        <>
                          <span className={cn(cell.rank === 1 && "font-bold", cell.rank === 2 && "underline")}>
                            {cell.mean.toFixed(c.digits)}
                          </span>
                          <span className="block text-[10px] text-zinc-500" data-testid="ci">
                            [{cell.lo.toFixed(c.digits)}, {cell.hi.toFixed(c.digits)}]
                          </span>
                        </>
                      ) : (
                        <span
                          className="text-zinc-400"
                          title={c.key === "lpips" ? "No LPIPS scorer configured (LPIPS_ENDPOINT)" : "No value"}
                        >
                          —
                        </span>
                      )}
                    </td>
                  );
                }),
              )}
              <td className="border-b border-l px-2 py-1 text-right tabular-nums">
                {row.run.formatFailureRate === null ? "—" : `${(row.run.formatFailureRate * 100).toFixed(1)}%`}
              </td>
              <td className="border-b border-l px-2 py-1 text-right tabular-nums">
                {row.ruleReward ? (
                  <>
                    {row.ruleReward.mean.toFixed(3)}
                    <span className="block text-[10px] text-zinc-500">
                      [{row.ruleReward.lo.toFixed(3)}, {row.ruleReward.hi.toFixed(3)}]
                    </span>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
