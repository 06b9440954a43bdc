import Link from "next/link";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import {
  getPreferenceStats,
  JUDGE_GIVE_UP_AFTER,
  JUDGE_RETRY_AFTER_MS,
  listJudgeFailures,
  listPairs,
  listPairsInput,
  listPerturbFailures,
  PERTURB_GIVE_UP_AFTER,
  PERTURB_RETRY_AFTER_MS,
  type Rating,
} from "@/lib/preference";
import { retryJudgingAction, retryPerturbingAction } from "../actions";
import { GeneratePairsForm } from "./generate-pairs-form";
import { StalledWorkCard } from "./stalled-work-card";
import { RatingChart } from "./rating-chart";

export const dynamic = "force-dynamic";
export const metadata = { title: "Agreement & ratings · RetouchIQ Studio" };

const pct = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "—" : `${(x * 100).toFixed(1)}%`);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const num = (x: number | null | undefined) => (x === null || x === undefined ? "—" : x.toFixed(3));

export default async function CompareResearcherPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageRole(["researcher"], "/compare/researcher");
  const ctx = createContext({ actor });
  const sp = await searchParams;
  const filter = listPairsInput.safeParse({
    origin: sp.origin || undefined,
    kind: sp.kind || undefined,
    orderedBy: sp.orderedBy || undefined,
    round: sp.round || undefined,
  });
  const [stats, list, judgeFailures, perturbFailures] = await Promise.all([
    getPreferenceStats({ ctx }),
    listPairs({ ctx, input: filter.success ? filter.data : {} }),
    listJudgeFailures({ ctx, input: {} }),
    listPerturbFailures({ ctx, input: {} }),
  ]);
  const hh = stats.humanHuman;
  return (
    <div className="space-y-4" data-testid="compare-researcher">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">Agreement &amp; ratings</h1>
        <Link href="/compare" className="text-sm underline">
          Back to labeling
        </Link>
      </div>
      <Card>
        <CardTitle>Generate pairs</CardTitle>
        <GeneratePairsForm />
        <p className="mt-2 text-xs text-zinc-500">
          {stats.counts.pairs} pairs · {stats.counts.humanLabels} human labels · {stats.counts.modelLabels} model labels. The sweeper also
          queues pairs for every newly accepted instruction.
        </p>
      </Card>

      <StalledWorkCard
        testId="perturb-failures"
        title="Instructions whose weak edits could not be made"
        retry={retryPerturbingAction}
        retryLabel="Retry perturbing"
        queuedNoun="instruction(s) for perturbing"
        failures={{
          ...perturbFailures,
          giveUpAfter: PERTURB_GIVE_UP_AFTER,
          retryAfterMs: PERTURB_RETRY_AFTER_MS,
          recent: perturbFailures.recent.map((f) => ({
            key: `${f.instructionId}.${f.round}`,
            label: `“${clip(f.instruction, 60)}” r${f.round}`,
            failedAt: f.failedAt,
            error: f.error,
          })),
        }}
      />
      <StalledWorkCard
        testId="judge-failures"
        title="Pairs the reward model could not label"
        retry={retryJudgingAction}
        retryLabel="Retry judging"
        queuedNoun="pair(s) for judging"
        failures={{
          ...judgeFailures,
          giveUpAfter: JUDGE_GIVE_UP_AFTER,
          retryAfterMs: JUDGE_RETRY_AFTER_MS,
          recent: judgeFailures.recent.map((f) => ({ key: f.id, label: f.id.slice(0, 8), failedAt: f.failedAt, error: f.error })),
        }}
      />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle>Human–human agreement</CardTitle>
          <Table>
            <tbody>
              <tr>
                <Td>Cohen&apos;s κ ({hh.cohen.raters.join(" vs ") || "no two raters share pairs"})</Td>
                <Td className="tabular-nums">{num(hh.cohen.value)}</Td>
                <Td className="text-zinc-500">{hh.cohen.items} pairs</Td>
              </tr>
              <tr>
                <Td>Fleiss&apos; κ ({hh.fleiss.raters} raters per pair)</Td>
                <Td className="tabular-nums">{num(hh.fleiss.value)}</Td>
                <Td className="text-zinc-500">{hh.fleiss.items} pairs</Td>
              </tr>
              <tr>
                <Td>Krippendorff&apos;s α (nominal)</Td>
                <Td className="tabular-nums">{num(hh.alpha.value)}</Td>
                <Td className="text-zinc-500">{hh.alpha.items} pairs</Td>
              </tr>
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardTitle>Gold accuracy per annotator</CardTitle>
          <Table data-testid="gold-accuracy">
            <thead>
              <tr>
                <Th>Annotator</Th>
                <Th>Correct</Th>
                <Th>Accuracy</Th>
              </tr>
            </thead>
            <tbody>
              {stats.gold.map((g) => (
                <tr key={g.user}>
                  <Td className="break-all">{g.user}</Td>
                  <Td className="tabular-nums">
                    {g.correct}/{g.total}
                  </Td>
                  <Td className="tabular-nums">{pct(g.correct / g.total)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardTitle>Human–model agreement</CardTitle>
          <Table>
            <thead>
              <tr>
                <Th>Model</Th>
                <Th>Pair origin</Th>
                <Th>Agrees with human majority</Th>
              </tr>
            </thead>
            <tbody>
              {stats.humanModel.map((r) => (
                <tr key={`${r.model}|${r.origin}`}>
                  <Td>{r.model}</Td>
                  <Td>{r.origin}</Td>
                  <Td className="tabular-nums">
                    {pct(r.agree / r.total)} ({r.agree}/{r.total})
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardTitle>Position bias (swapped double judging)</CardTitle>
          <Table>
            <thead>
              <tr>
                <Th>Model</Th>
                <Th>Pairs whose verdict flips with the sides</Th>
              </tr>
            </thead>
            <tbody>
              {stats.positionBias.map((r) => (
                <tr key={r.model}>
                  <Td>{r.model}</Td>
                  <Td className="tabular-nums">
                    {pct(r.biased / r.pairs)} ({r.biased}/{r.pairs})
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>

      <Card>
        <CardTitle>Reward accuracy with baselines (same pairs)</CardTitle>
        {stats.rewardAccuracy.map(({ model, table }) => (
          <div key={model} className="mb-3">
            <p className="text-sm font-medium">{model}</p>
            <Table data-testid="reward-accuracy">
              <thead>
                <tr>
                  <Th>Kind</Th>
                  <Th>Pairs</Th>
                  <Th>Model</Th>
                  <Th>Random</Th>
                  <Th>Bigger change wins</Th>
                </tr>
              </thead>
              <tbody>
                {table.map((r) => (
                  <tr key={r.kind}>
                    <Td>{r.kind}</Td>
                    <Td className="tabular-nums">{r.pairs}</Td>
                    <Td className="tabular-nums">{pct(r.model)}</Td>
                    <Td className="tabular-nums">{pct(r.random)}</Td>
                    <Td className="tabular-nums">{pct(r.biggerChange)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        ))}
        <p className="text-xs text-zinc-500">
          These pairs are built by rules the heuristic scorer also measures; see <code>npm run accuracy:reward</code> for pairs on
          hand-written instructions.
        </p>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Ratings title="Bradley–Terry: models" ratings={stats.ratings.models} />
        <Ratings title="Bradley–Terry: edit origins" ratings={stats.ratings.origins} />
      </div>

      <Card>
        <CardTitle>Pairs</CardTitle>
        <form className="mb-2 flex flex-wrap gap-2 text-sm" method="get">
          <select name="origin" defaultValue={sp.origin ?? ""} aria-label="Origin" className="rounded border px-2 py-1 dark:bg-zinc-900">
            <option value="">any origin</option>
            <option value="perturbed">perturbed</option>
            <option value="policy">policy</option>
            <option value="human_fix">human fix</option>
          </select>
          <select name="kind" defaultValue={sp.kind ?? ""} aria-label="Kind" className="rounded border px-2 py-1 dark:bg-zinc-900">
            <option value="">any kind</option>
            {["omit", "scale_down", "over_edit", "wrong_direction", "wb_tone_shift", "model"].map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <input
            name="orderedBy"
            defaultValue={sp.orderedBy ?? ""}
            placeholder="ordered strong ≻ weak by model…"
            aria-label="Reward training data: ordered by model"
            className="min-w-0 rounded border px-2 py-1 dark:bg-zinc-900"
          />
          <button type="submit" className="rounded bg-zinc-200 px-2 py-1 dark:bg-zinc-800">
            Filter
          </button>
        </form>
        <Table data-testid="pair-list">
          <thead>
            <tr>
              <Th>Instruction</Th>
              <Th>Origin</Th>
              <Th>Strong</Th>
              <Th>Weak</Th>
              <Th>Labels</Th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.id} data-origin={p.origin}>
                <Td className="max-w-xs break-words">{p.instruction}</Td>
                <Td>
                  {p.origin} {p.kind && <Badge>{p.kind}</Badge>} {p.gold && <Badge tone="good">gold</Badge>}{" "}
                  <span className="text-xs text-zinc-500">r{p.round}</span>
                </Td>
                <Td>
                  {/* eslint-disable-next-line @next/next/no-img-element -- authenticated blob route */}
                  <img src={`/api/v1/candidates/${p.strong.id}/image`} alt={`strong: ${p.strong.origin}`} className="h-12 w-auto" />
                  <span className="text-xs">{p.strong.origin}</span>{" "}
                  <Link
                    href={`/develop?candidate=${p.strong.id}`}
                    className="text-xs underline"
                    aria-label={`Open the strong candidate of this pair in Develop`}
                  >
                    Develop
                  </Link>
                </Td>
                <Td>
                  {/* eslint-disable-next-line @next/next/no-img-element -- authenticated blob route */}
                  <img src={`/api/v1/candidates/${p.weak.id}/image`} alt={`weak: ${p.weak.origin}`} className="h-12 w-auto" />
                  <span className="break-all text-xs">{p.weak.strategy ?? p.weak.origin}</span>{" "}
                  <Link
                    href={`/develop?candidate=${p.weak.id}`}
                    className="text-xs underline"
                    aria-label={`Open the weak candidate of this pair in Develop`}
                  >
                    Develop
                  </Link>
                </Td>
                <Td className="min-w-40 text-xs">
                  {p.humanLabels} human
                  <br />
                  {p.modelVerdicts.join(", ")}
                  {p.judgeFailures > 0 && p.modelVerdicts.length === 0 && (
                    <span className="block break-words text-red-700 dark:text-red-400">
                      judge failed ×{p.judgeFailures}: {p.judgeError}
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}

function Ratings({ title, ratings }: { title: string; ratings: Rating[] }) {
  return (
    <Card>
      <CardTitle>{title}</CardTitle>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-2">
        <Table>
          <thead>
            <tr>
              <Th>Player</Th>
              <Th>Score [95% CI]</Th>
            </tr>
          </thead>
          <tbody>
            {ratings.map((r) => (
              <tr key={r.player} style={{ height: 22 }}>
                <Td className="break-all py-0 text-xs">{r.player}</Td>
                <Td className="py-0 text-xs tabular-nums">
                  {r.score.toFixed(2)} [{r.lo.toFixed(2)}, {r.hi.toFixed(2)}]
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <div className="pt-7">
          <RatingChart ratings={ratings} label={title} />
        </div>
      </div>
      <p className="mt-1 text-xs text-zinc-500">From human labels; ties count half a win; log-strengths centred at 0.</p>
    </Card>
  );
}
