import "server-only";
import { QueryClient } from "@tanstack/react-query";
import { cache } from "react";

/** One QueryClient per server request, for prefetching before render. */
export const getQueryClient = cache(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }));
