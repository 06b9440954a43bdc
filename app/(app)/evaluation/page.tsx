import Link from "next/link";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { rolesFor } from "@/app/_components/nav";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { evalRunsQuery, leaderboardQuery } from "@/app/_queries/eval";
import { getQueryClient } from "@/app/_queries/get-query-client";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getLeaderboard, listBenchmarks, listEvalRuns, listModelChoices } from "@/lib/eval";
import { BuildBenchmarkForm } from "./build-benchmark-form";
import { EvaluationView } from "./evaluation-view";
import { ImportBenchmarkForm } from "./import-benchmark-form";

export const metadata = { title: "Evaluation · RetouchIQ Studio" };

export default async function EvaluationPage({ searchParams }: { searchParams: Promise<{ benchmark?: string }> }) {
  const actor = await requirePageRole(rolesFor("/evaluation"), "/evaluation");
  const ctx = createContext({ actor });
  const benchmarks = await listBenchmarks({ ctx });
  const wanted = (await searchParams).benchmark;
  const current = benchmarks.find((b) => b.id === wanted) ?? benchmarks[0];
  const qc = getQueryClient();
  if (current) {
    await qc.prefetchQuery({
      ...evalRunsQuery(current.id),
      queryFn: () => listEvalRuns({ ctx, input: { benchmarkId: current.id } }) as never,
    });
    await qc.prefetchQuery({
      ...leaderboardQuery(current.id),
      queryFn: () => getLeaderboard({ ctx, input: { benchmarkId: current.id } }) as never,
    });
  }
  const models = (await listModelChoices({ ctx })).filter((m) => m.role === "policy");
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Evaluation</h1>
        <Card>
          <CardTitle>Benchmarks</CardTitle>
          {benchmarks.length === 0 && (
            <p className="text-sm text-zinc-500">
              No benchmark yet: build one from the corpus test split or import a manifest below (or POST /api/v1/eval/benchmarks).
            </p>
          )}
          <nav aria-label="Benchmarks" className="flex flex-wrap gap-2">
            {benchmarks.map((b) => (
              <Link
                key={b.id}
                href={`/evaluation?benchmark=${b.id}`}
                aria-current={b.id === current?.id ? "page" : undefined}
                className={`rounded-md border px-3 py-1.5 text-sm ${b.id === current?.id ? "border-brand bg-brand text-brand-fg" : "border-zinc-300 dark:border-zinc-700"}`}
              >
                {b.name}{" "}
                <span className="opacity-75">
                  · {b.kind} · {b.itemCount} items
                </span>
              </Link>
            ))}
          </nav>
          {current && (
            <p className="mt-2 break-all text-xs text-zinc-500">
              {current.description ?? ""} · frozen · content hash <code>{current.contentHash.slice(0, 16)}</code>
            </p>
          )}
          <BuildBenchmarkForm />
          <ImportBenchmarkForm />
        </Card>
        {current && (
          <EvaluationView
            benchmark={{ id: current.id, name: current.name, kind: current.kind }}
            policies={models.map((m) => ({ id: m.id, label: `${m.name} (${m.backend})` }))}
          />
        )}
      </div>
    </HydrationBoundary>
  );
}
