import { queryOptions } from "@tanstack/react-query";
import type { compareRuns, getLeaderboard, listEvalRuns } from "@/lib/eval";
import { fetchJson } from "./fetch-json";

export type EvalRunList = Awaited<ReturnType<typeof listEvalRuns>>;
export type Leaderboard = Awaited<ReturnType<typeof getLeaderboard>>;
export type RunComparison = Awaited<ReturnType<typeof compareRuns>>;

const unfinished = (runs: EvalRunList | undefined) => (runs ?? []).some((r) => r.run.status === "queued" || r.run.status === "running");

/** Runs of a benchmark with progress; polled every second while any is unfinished. */
export const evalRunsQuery = (benchmarkId: string) =>
  queryOptions({
    queryKey: ["eval", "runs", benchmarkId],
    queryFn: () => fetchJson<EvalRunList>(`/api/v1/eval/runs?benchmarkId=${benchmarkId}`),
    staleTime: 1_000,
    refetchInterval: (q) => (unfinished(q.state.data) ? 1_000 : false),
  });

/** The leaderboard of a benchmark (re-read while runs progress, see the view). */
export const leaderboardQuery = (benchmarkId: string) =>
  queryOptions({
    queryKey: ["eval", "leaderboard", benchmarkId],
    queryFn: () => fetchJson<Leaderboard>(`/api/v1/eval/leaderboard/${benchmarkId}`),
    staleTime: 2_000,
  });

/** Paired bootstrap of run A − run B. */
export const compareQuery = (a: string, b: string) =>
  queryOptions({
    queryKey: ["eval", "compare", a, b],
    queryFn: () => fetchJson<RunComparison>(`/api/v1/eval/compare?a=${a}&b=${b}`),
    staleTime: 10_000,
    enabled: Boolean(a && b && a !== b),
  });
