import { queryOptions } from "@tanstack/react-query";
import type { listImages } from "@/lib/images";
import { fetchJson } from "./fetch-json";

export type ImagePage = Awaited<ReturnType<typeof listImages>>;

export const imagesQuery = ({ limit = 48 }: { limit?: number } = {}) =>
  queryOptions({
    queryKey: ["images", { limit }],
    queryFn: () => fetchJson<ImagePage>(`/api/v1/images?limit=${limit}`),
    staleTime: 5_000,
    // Keep polling while something is still being processed.
    refetchInterval: (q) => (q.state.data?.items.some((i) => i.status === "pending") ? 1_500 : false),
  });
