"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Input, Select } from "@/app/_components/ui/input";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { roundsQuery } from "@/app/_queries/rounds";
import type { RoundView } from "@/lib/rounds";
import { AccuracyChart } from "./accuracy-chart";
import { startRoundAction } from "./actions";

const STEPS = ["export", "train_reward", "register_reward", "train_policy", "register_policy", "rollout", "label", "evaluate"] as const;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Rounds: start the next one, watch its steps, compare accuracy and policy score across rounds. */
export function RoundsView({ snapshots }: { snapshots: { id: string; name: string; itemCount: number }[] }) {
  const { data } = useQuery(roundsQuery());
  const qc = useQueryClient();
  const rounds = data?.rounds ?? [];
  const [snapshotId, setSnapshotId] = useState(snapshots[0]?.id ?? "");
  const [samples, setSamples] = useState(12);
  const [trainer, setTrainer] = useState<"compact" | "smoke">("compact");
  const [message, setMessage] = useState<string | null>(null);
  const running = rounds.some((r) => r.status === "running");
  const start = async () => {
    const r = await startRoundAction({ samples, trainer, ...(rounds.length ? {} : { snapshotId }) });
    setMessage(r.ok ? `Round ${r.data.number} started` : r.error.message);
    await qc.invalidateQueries({ queryKey: ["rounds"] });
  };
  return (
    <>
      <Card>
        <CardTitle
          action={
            <div className="flex flex-wrap items-center gap-2">
              {rounds.length === 0 && (
                <Select
                  className="w-56"
                  aria-label="Snapshot for the first round"
                  value={snapshotId}
                  onChange={(e) => setSnapshotId(e.target.value)}
                >
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.itemCount})
                    </option>
                  ))}
                </Select>
              )}
              <label className="flex items-center gap-1 text-sm">
                samples
                <Input
                  className="w-20"
                  type="number"
                  min={2}
                  max={5000}
                  value={samples}
                  onChange={(e) => setSamples(Number(e.target.value))}
                  aria-label="Samples per round"
                />
              </label>
              <Select
                className="w-56"
                aria-label="Trainer"
                value={trainer}
                onChange={(e) => setTrainer(e.target.value as "compact" | "smoke")}
              >
                <option value="compact">compact trainer (PyTorch)</option>
                <option value="smoke">smoke stand-in (heuristic models)</option>
              </Select>
              <Button onClick={start} disabled={running || (rounds.length === 0 && !snapshotId)}>
                Start round {(rounds.at(-1)?.number ?? 0) + 1}
              </Button>
            </div>
          }
        >
          Reward-model accuracy and policy score per round
        </CardTitle>
        {message && (
          <p role="status" className="mb-2 text-sm">
            {message}
          </p>
        )}
        <AccuracyChart rounds={rounds} />
      </Card>
      <Card>
        <CardTitle>Rounds</CardTitle>
        {/* Wide on purpose: on a phone the table scrolls inside its own box (Table), never the page. */}
        <Table className="min-w-[720px]">
          <thead>
            <tr>
              <Th>Round</Th>
              <Th>Steps</Th>
              <Th>Accuracy (95% CI) · baselines</Th>
              <Th>Policy score</Th>
              <Th>Runs · exports · models</Th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <RoundRow key={r.id} r={r} />
            ))}
          </tbody>
        </Table>
        {rounds.length === 0 && <p className="mt-2 text-sm text-zinc-500">No rounds yet. Pick a snapshot and start the first round.</p>}
      </Card>
    </>
  );
}

function RoundRow({ r }: { r: RoundView }) {
  return (
    <tr data-testid={`round-${r.number}`} className="align-top">
      <Td>
        <div className="font-medium">Round {r.number}</div>
        <Badge tone={r.status === "done" ? "good" : r.status === "failed" ? "bad" : "warn"}>{r.status}</Badge>
        {r.error && <p className="mt-1 max-w-xs text-xs text-red-600">{r.error}</p>}
      </Td>
      <Td>
        <ol className="space-y-0.5 text-xs">
          {STEPS.map((s) => {
            const st = r.steps[s]?.status ?? "pending";
            return (
              <li key={s} data-step={s} data-status={st} title={r.steps[s]?.detail}>
                <span aria-hidden>{st === "done" ? "✓" : st === "running" ? "…" : st === "failed" ? "✗" : "·"}</span> {s.replace("_", " ")}
                {r.steps[s]?.detail && <span className="text-zinc-500"> — {r.steps[s]?.detail}</span>}
              </li>
            );
          })}
        </ol>
      </Td>
      <Td>
        <ul className="space-y-0.5 text-xs">
          {r.accuracy.map((a) => (
            <li key={a.set} data-set={a.set}>
              <span className="font-medium">{a.set}</span> {pct(a.accuracy)} ({pct(a.lo)}–{pct(a.hi)}, n={a.n}) · random 50% · bigger change{" "}
              {pct(a.biggerChangeBaseline)}
            </li>
          ))}
        </ul>
      </Td>
      <Td className="text-xs">
        {r.policyScore ? `${r.policyScore.mean.toFixed(2)} (${r.policyScore.lo?.toFixed(2)}–${r.policyScore.hi?.toFixed(2)})` : "—"}
      </Td>
      <Td className="text-xs">
        {[
          ["reward run", r.rewardRun],
          ["policy run", r.policyRun],
        ].map(([label, run]) =>
          run && typeof run === "object" ? (
            <details key={label as string}>
              <summary>
                {label as string}: {run.status}
              </summary>
              <pre className="max-h-40 max-w-xs overflow-auto whitespace-pre-wrap text-[10px]">
                {run.logTail || run.error || "(no log yet)"}
              </pre>
            </details>
          ) : null,
        )}
        {[r.rewardExport, r.policyExport].map((e) =>
          e ? (
            <div key={e.id}>
              <a className="underline" href={`/api/v1/exports/${e.id}/files/manifest.json`}>
                {e.format} {e.hash.slice(0, 10)}
              </a>
            </div>
          ) : null,
        )}
        {[r.rewardModel, r.policyModel].map((m) => (m ? <div key={m.id}>{m.name}</div> : null))}
      </Td>
    </tr>
  );
}
