import { AppError } from "@/lib/errors";

/**
 * Every exporter refuses benchmark items, so nothing a benchmark scores can
 * leak into training: any item on the test split or in a benchmark
 * (`isBenchmark`, from lib/eval's benchmarkTrajectoryIds) stops the export
 * with the offending ids, rather than silently shrinking it.
 */
export function refuseBenchmarkItems(
  items: { trajectoryId: string; split: string }[],
  isBenchmark: (trajectoryId: string) => boolean = () => false,
): void {
  const bad = items.filter((i) => i.split === "test" || isBenchmark(i.trajectoryId)).map((i) => i.trajectoryId);
  if (bad.length === 0) return;
  const ids = [...new Set(bad)];
  throw new AppError(
    "VALIDATION",
    `Refusing to export ${ids.length} benchmark item(s) (test split or benchmark members): ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`,
    {
      trajectoryIds: ids.slice(0, 100),
    },
  );
}
