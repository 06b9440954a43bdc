import { AppError } from "@/lib/errors";

/**
 * Every exporter refuses benchmark items, so nothing a benchmark scores can
 * leak into training. Benchmarks draw from the test split; any item on it
 * (or listed by `isBenchmark`) stops the export with the offending ids.
 */
export function refuseBenchmarkItems(items: { trajectoryId: string; split: string }[], isBenchmark: (trajectoryId: string) => boolean = () => false): void {
  const bad = items.filter((i) => i.split === "test" || isBenchmark(i.trajectoryId)).map((i) => i.trajectoryId);
  if (bad.length === 0) return;
  const ids = [...new Set(bad)];
  throw new AppError("VALIDATION", `Refusing to export ${ids.length} benchmark item(s) (test split or benchmark members): ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ", …" : ""}`, {
    trajectoryIds: ids.slice(0, 100),
  });
}
