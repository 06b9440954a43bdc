import { queryOptions } from "@tanstack/react-query";
import type { Dashboard } from "@/lib/dashboard";
import { fetchJson } from "./fetch-json";

/** Shared by the server prefetch (which swaps in a direct verb call) and the client. */
export const dashboardQuery = () =>
  queryOptions({
    queryKey: ["dashboard"],
    queryFn: () => fetchJson<Dashboard>("/api/v1/dashboard"),
    staleTime: 5_000,
    refetchInterval: 5_000,
  });
