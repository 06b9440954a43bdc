import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { rolesFor } from "@/app/_components/nav";
import { corpusCountsQuery, corpusListQuery, CORPUS_PAGE_SIZE } from "@/app/_queries/corpus";
import { getQueryClient } from "@/app/_queries/get-query-client";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { corpusFilterSchema, getCorpusCounts, listSnapshots, listTrajectories } from "@/lib/corpus";
import { CorpusView } from "./corpus-view";
import { FilterBar } from "./filter-bar";

/** Only the filter fields, without empty ones (a GET form sends every field). */
function filterFrom(searchParams: Record<string, string | string[] | undefined>): Record<string, string> {
  const keys = Object.keys(corpusFilterSchema.shape);
  return Object.fromEntries(
    Object.entries(searchParams).filter(
      (e): e is [string, string] => keys.includes(e[0]) && typeof e[1] === "string" && e[1].trim() !== "",
    ),
  );
}

export default async function CorpusPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageRole(rolesFor("/corpus"), "/corpus");
  const ctx = createContext({ actor });
  const filter = filterFrom(await searchParams);
  const parsed = corpusFilterSchema.safeParse(filter);
  const error = parsed.success ? null : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  const qc = getQueryClient();
  // Counts, the first page and the snapshots at once: one round trip's wait, not three in a row.
  const [, , snapshots] = await Promise.all([
    qc.prefetchQuery({ ...corpusCountsQuery(), queryFn: () => getCorpusCounts({ ctx }) }),
    error
      ? null
      : qc.prefetchInfiniteQuery({
          ...corpusListQuery(filter),
          queryFn: () => listTrajectories({ ctx, input: { ...filter, limit: CORPUS_PAGE_SIZE } }),
        }),
    listSnapshots({ ctx }),
  ]);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-semibold">Corpus</h1>
          <Link href="/corpus/import" className="rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-brand-fg">
            Import…
          </Link>
        </div>
        <a href="#corpus-list" className="sr-only focus:not-sr-only focus:underline">
          Skip the filters to the list
        </a>
        <FilterBar filter={filter} />
        <CorpusView filter={filter} filterError={error} snapshots={snapshots} />
      </div>
    </HydrationBoundary>
  );
}
