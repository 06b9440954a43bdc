import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { getCorpusCounts, getImportOrThrow, listTrajectories } from "@/lib/corpus";
import { fetchJson } from "./fetch-json";

export type CorpusPage = Awaited<ReturnType<typeof listTrajectories>>;
export type CorpusCountsData = Awaited<ReturnType<typeof getCorpusCounts>>;
export type ImportReport = Awaited<ReturnType<typeof getImportOrThrow>>;

/** Rows per page of the corpus browser. */
export const CORPUS_PAGE_SIZE = 100;

/** The browser's list for one filter (the URL query string minus the cursor), page by page. */
export const corpusListQuery = (filter: Record<string, string>) =>
  infiniteQueryOptions({
    queryKey: ["corpus", "list", filter],
    queryFn: ({ pageParam }) => {
      const qs = new URLSearchParams({ ...filter, limit: String(CORPUS_PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) });
      return fetchJson<CorpusPage>(`/api/v1/corpus/trajectories?${qs}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 10_000,
  });

export const corpusCountsQuery = () =>
  queryOptions({ queryKey: ["corpus", "counts"], queryFn: () => fetchJson<CorpusCountsData>("/api/v1/corpus/counts"), staleTime: 5_000 });

export type MatchingCount = CorpusCountsData & { matching: number; capped: boolean };

/** How many trajectories the browser's current filter matches (null filter: use corpusCountsQuery). */
export const corpusMatchingQuery = (filter: Record<string, string>) =>
  queryOptions({
    queryKey: ["corpus", "counts", filter],
    queryFn: () => fetchJson<MatchingCount>(`/api/v1/corpus/counts?${new URLSearchParams(filter)}`),
    staleTime: 5_000,
  });

/** An import's progress; polled until the run is no longer running. */
export const importQuery = (id: string) =>
  queryOptions({
    queryKey: ["corpus", "import", id],
    queryFn: () => fetchJson<ImportReport>(`/api/v1/corpus/imports/${id}`),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.status === "running" || !q.state.data ? 1_000 : false),
  });
