"use client";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useTransition } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Label, Select } from "@/app/_components/ui/input";
import { evalRunsQuery, leaderboardQuery } from "@/app/_queries/eval";
import { startEvalRunAction } from "./actions";
import { ComparePanel } from "./compare-panel";
import { LeaderboardTable } from "./leaderboard-table";
import { SubmitWithStatus } from "./submit-with-status";

type Props = { benchmark: { id: string; name: string; kind: string }; policies: { id: string; label: string }[] };

/** Start runs, watch their progress, read the leaderboard and compare two runs. */
export function EvaluationView({ benchmark, policies }: Props) {
  const qc = useQueryClient();
  const runs = useQuery(evalRunsQuery(benchmark.id));
  const board = useQuery(leaderboardQuery(benchmark.id));
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const progress = (runs.data ?? []).map((r) => `${r.run.id}:${r.run.completed}:${r.run.status}`).join("|");
  // Progress moved: the leaderboard changed too.
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: ["eval", "leaderboard", benchmark.id] });
  }, [progress, qc, benchmark.id]);

  return (
    <>
      <Card>
        <CardTitle>Start an eval run</CardTitle>
        <form
          className="grid gap-2 sm:grid-cols-4"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const policy = String(f.get("policy"));
            start(async () => {
              const r = await startEvalRunAction({
                benchmarkId: benchmark.id,
                policyModelId: policy === "heuristic" ? null : policy,
                scorer: String(f.get("scorer")),
                pqWording: String(f.get("pqWording")),
              });
              setMessage(r.ok ? `Run started: ${r.data.queued} items queued` : r.error.message);
              await qc.invalidateQueries({ queryKey: ["eval"] });
            });
          }}
        >
          <div>
            <Label htmlFor="run-policy">Policy</Label>
            <Select id="run-policy" name="policy" defaultValue="heuristic">
              <option value="heuristic">heuristic-policy (built-in, no model)</option>
              {policies.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor="run-scorer">Extra scorer</Label>
            <Select id="run-scorer" name="scorer" defaultValue="none">
              <option value="none">none</option>
              <option value="jarvisart-rules">JarvisArt rule reward</option>
            </Select>
          </div>
          <div>
            <Label htmlFor="run-pq">Judge PQ wording</Label>
            <Select id="run-pq" name="pqWording" defaultValue="perceptual_quality">
              <option value="perceptual_quality">perceptual quality (RetouchIQ)</option>
              <option value="content_consistency">content consistency (JarvisArt)</option>
            </Select>
          </div>
          <SubmitWithStatus label="Start run" pending={pending} message={message} />
        </form>
      </Card>

      <Card>
        <CardTitle>Runs</CardTitle>
        {(runs.data ?? []).length === 0 && <p className="text-sm text-zinc-500">No run on this benchmark yet.</p>}
        <ul className="space-y-2">
          {(runs.data ?? []).map(({ run }) => (
            <li key={run.id} data-testid="eval-run" data-status={run.status} data-completed={run.completed} className="space-y-1">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Link href={`/evaluation/runs/${run.id}`} className="font-medium underline">
                  {run.modelName}
                </Link>
                <Badge tone={run.status === "done" ? "good" : run.status === "failed" ? "bad" : "warn"}>{run.status}</Badge>
                <span data-testid="eval-run-progress">
                  {run.completed} / {run.total}
                </span>
                <span className="text-zinc-500">
                  judge {run.judgeModelName} · format failures {run.formatFailures}
                  {run.scorer !== "none" ? ` · ${run.scorer}` : ""}
                </span>
              </div>
              <progress className="h-2 w-full" max={run.total} value={run.completed} aria-label={`Progress of ${run.modelName}`} />
            </li>
          ))}
        </ul>
      </Card>

      <Card>
        <CardTitle
          action={
            <span className="flex gap-3 text-sm">
              <a className="underline" href={`/api/v1/eval/leaderboard/${benchmark.id}?format=csv`}>
                CSV
              </a>
              <a className="underline" href={`/api/v1/eval/leaderboard/${benchmark.id}?format=json`}>
                JSON
              </a>
            </span>
          }
        >
          Leaderboard · {benchmark.name}
        </CardTitle>
        {board.data ? <LeaderboardTable board={board.data} /> : <p className="text-sm text-zinc-500">Loading…</p>}
      </Card>

      {(runs.data ?? []).length >= 2 && (
        <ComparePanel runs={(runs.data ?? []).map(({ run }) => ({ id: run.id, label: `${run.modelName} · ${run.id.slice(0, 8)}` }))} />
      )}
    </>
  );
}
