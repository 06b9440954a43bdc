/**
 * Evaluation: frozen benchmarks, eval runs (policy → parse → render → score →
 * judge), metric protocols and the leaderboard. Exporters call
 * `notInBenchmark` / `benchmarkTrajectoryIds` to refuse benchmark items.
 */
export { notInBenchmark, benchmarkTrajectoryIds } from "./benchmarks/benchmark-exclusion";
export { benchmarkContentHash, insertBenchmark, type NewBenchmarkItem } from "./benchmarks/insert-benchmark";
export { buildRetouchEvalBenchmark, buildRetouchEvalInput } from "./benchmarks/build-retoucheval";
export {
  importBenchmark,
  importBenchmarkInput,
  importBenchmarkManifest,
  importBenchmarkManifestInput,
  parseBenchmarkManifest,
  FIVEK_INSTRUCTION,
} from "./benchmarks/import-benchmark";
export { listBenchmarks, getBenchmarkOrThrow } from "./benchmarks/list-benchmarks";
export { startEvalRun, startEvalRunInput } from "./runs/start-eval-run";
export { scoreEvalItem, scoreEvalItemInput } from "./runs/score-eval-item";
export { markEvalItemFailed } from "./runs/mark-eval-item-failed";
export { sweepEvalRuns } from "./runs/sweep-eval-runs";
export { ruleReward, keySetIou, keyAccuracy, RULE_THRESHOLDS, type RuleReward } from "./scoring/rule-reward";
export { lpipsEndpoint } from "./scoring/lpips-client";
export { bootstrapMean, pairedBootstrap, type Interval, type PairedDifference } from "./stats/bootstrap";
export { listEvalRuns, listEvalRunsInput, getEvalRunOrThrow } from "./runs/list-eval-runs";
export { listEvalItems, getEvalItemOrThrow, getEvalOutputKeyOrThrow } from "./runs/list-eval-items";
export { getLeaderboard, getLeaderboardInput, type Cell } from "./leaderboard/get-leaderboard";
export { compareRuns, compareRunsInput } from "./leaderboard/compare-runs";
export { exportLeaderboardCsv, exportEvalItemsCsv } from "./leaderboard/export-leaderboard";
export { TABLE1_METRICS, TABLE2_METRICS, ALL_METRICS, type MetricColumn, type MetricKey } from "./leaderboard/metric-columns";
export { listModelChoices } from "./runs/list-model-choices";
export { fivekTest400 } from "./fivek-test-400";
