import Link from "next/link";
import { notFound } from "next/navigation";
import { ImageViewer } from "@/app/_components/image-viewer";
import { rolesFor } from "@/app/_components/nav";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getEvalItemOrThrow, getEvalRunOrThrow } from "@/lib/eval";
import { isAppError } from "@/lib/errors";

const fmt = (v: number | null | undefined, d: number) => (typeof v === "number" ? v.toFixed(d) : "—");

export default async function EvalItemPage({ params }: { params: Promise<{ id: string; itemId: string }> }) {
  const { id, itemId } = await params;
  const actor = await requirePageRole(rolesFor("/evaluation"), `/evaluation/runs/${id}/items/${itemId}`);
  const ctx = createContext({ actor });
  const found = await Promise.all([
    getEvalRunOrThrow({ ctx, input: { id } }),
    getEvalItemOrThrow({ ctx, input: { runId: id, itemId } }),
  ]).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) notFound();
    throw e;
  });
  const [{ run, benchmark }, { item, result }] = found;
  if (item.benchmarkId !== benchmark.id) notFound();
  const panes = [
    { src: `/api/v1/images/${item.sourceSha}/preview`, label: "Source" },
    { src: `/api/v1/images/${item.referenceSha}/preview`, label: "Reference (target)" },
    ...(result?.outputSha ? [{ src: `/api/v1/eval/outputs/${result.id}`, label: `Output (${run.modelName}, engine render)` }] : []),
  ];
  return (
    <div className="space-y-4">
      <Link href={`/evaluation/runs/${run.id}`} className="text-sm underline">
        ← {run.modelName} on {benchmark.name}
      </Link>
      <h1 className="text-xl font-semibold break-words">
        Item {item.position + 1} · {item.split}
      </h1>
      <p className="break-words">
        {item.instruction ?? <span className="text-zinc-500">(no instruction: the fixed FiveK instruction was used)</span>}
      </p>
      <ImageViewer panes={panes} mode="side" />
      {!result && <p className="text-sm text-zinc-500">Not scored yet.</p>}
      {result && (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardTitle>Scores</CardTitle>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm" data-testid="item-scores">
              <dt>Parse</dt>
              <dd>
                <Badge tone={result.parseStatus === "ok" ? "good" : "warn"}>{result.parseStatus}</Badge>
              </dd>
              <dt>L1 / L2</dt>
              <dd className="tabular-nums">
                {fmt(result.metrics?.l1, 4)} / {fmt(result.metrics?.l2, 4)}
              </dd>
              <dt>PSNR / SSIM</dt>
              <dd className="tabular-nums">
                {fmt(result.metrics?.psnr, 2)} dB / {fmt(result.metrics?.ssim, 4)}
              </dd>
              <dt>LPIPS</dt>
              <dd>
                {result.metrics?.lpips === null || result.metrics?.lpips === undefined
                  ? "absent (no scorer)"
                  : fmt(result.metrics.lpips, 4)}
              </dd>
              <dt>SC / PQ / O</dt>
              <dd className="tabular-nums">
                {fmt(result.sc, 1)} / {fmt(result.pq, 1)} / {fmt(result.o, 2)}
              </dd>
              {result.ruleReward && (
                <>
                  <dt>Rule reward</dt>
                  <dd className="tabular-nums">
                    {Object.entries(result.ruleReward)
                      .map(([k, v]) => `${k} ${fmt(v, 3)}`)
                      .join(" · ")}
                  </dd>
                </>
              )}
            </dl>
            <h3 className="mt-3 text-sm font-medium">Judge reasoning ({run.judgeModelName})</h3>
            <p className="text-sm break-words whitespace-pre-wrap">{result.judgeReasoning ?? "—"}</p>
          </Card>
          <Card>
            <CardTitle>Output parameters</CardTitle>
            <pre className="max-h-80 overflow-auto text-xs break-words whitespace-pre-wrap">
              {JSON.stringify(result.outputParams ?? {}, null, 2)}
            </pre>
            <h3 className="mt-3 text-sm font-medium">Raw policy output</h3>
            <pre className="max-h-60 overflow-auto text-xs break-words whitespace-pre-wrap">{result.rawOutput ?? result.error ?? "—"}</pre>
          </Card>
        </div>
      )}
    </div>
  );
}
