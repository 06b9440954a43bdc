import { queryOptions } from "@tanstack/react-query";
import type { RoundView } from "@/lib/rounds";
import { fetchJson } from "./fetch-json";

/** Rounds with their accuracy and runs; polled while a round runs. */
export const roundsQuery = () =>
  queryOptions({
    queryKey: ["rounds"],
    queryFn: () => fetchJson<{ rounds: RoundView[] }>("/api/v1/rounds"),
    staleTime: 2_000,
    refetchInterval: (q) => (q.state.data?.rounds.some((r) => r.status === "running") ? 1_500 : 10_000),
  });
