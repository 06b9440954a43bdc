/**
 * Evaluation: frozen benchmarks, eval runs (policy → parse → render → score →
 * judge), metric protocols and the leaderboard. Exporters call
 * `notInBenchmark` / `benchmarkTrajectoryIds` to refuse benchmark items.
 */
export { notInBenchmark, benchmarkTrajectoryIds } from "./benchmarks/benchmark-exclusion";
