import Link from "next/link";
import { notFound } from "next/navigation";
import { rolesFor } from "@/app/_components/nav";
import { Badge } from "@/app/_components/ui/badge";
import { Card } from "@/app/_components/ui/card";
import { Table, Td, Th } from "@/app/_components/ui/table";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getEvalRunOrThrow, listEvalItems } from "@/lib/eval";
import { isAppError } from "@/lib/errors";

const fmt = (v: number | null | undefined, d: number) => (typeof v === "number" ? v.toFixed(d) : "—");

export default async function EvalRunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageRole(rolesFor("/evaluation"), `/evaluation/runs/${id}`);
  const ctx = createContext({ actor });
  const found = await getEvalRunOrThrow({ ctx, input: { id } }).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) notFound();
    throw e;
  });
  const { run, benchmark } = found;
  const rows = await listEvalItems({ ctx, input: { runId: run.id, benchmarkId: benchmark.id } });
  return (
    <div className="space-y-4">
      <Link href={`/evaluation?benchmark=${benchmark.id}`} className="text-sm underline">
        ← {benchmark.name}
      </Link>
      <h1 className="text-xl font-semibold break-words">
        {run.modelName} on {benchmark.name}
      </h1>
      <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
        <Badge tone={run.status === "done" ? "good" : "warn"}>{run.status}</Badge>
        {run.completed}/{run.total} scored · format failures {run.formatFailures} · judge {run.judgeModelName} ({run.judgePrompt}, PQ ={" "}
        {run.pqWording}) · LPIPS {run.lpipsEndpoint ? "scored" : "absent (no scorer)"} · scorer {run.scorer}
        <a className="underline" href={`/api/v1/eval/runs/${run.id}/items?format=csv`}>
          CSV
        </a>
        <a className="underline" href={`/api/v1/eval/runs/${run.id}/items`}>
          JSON
        </a>
      </p>
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>#</Th>
              <Th>Split</Th>
              <Th>Instruction</Th>
              <Th>Status</Th>
              <Th className="text-right">L1</Th>
              <Th className="text-right">L2</Th>
              <Th className="text-right">PSNR</Th>
              <Th className="text-right">SSIM</Th>
              <Th className="text-right">O</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ item, result }) => (
              <tr key={item.id} data-testid="eval-item-row" data-scored={result ? "yes" : "no"}>
                <Td>{item.position + 1}</Td>
                <Td>{item.split}</Td>
                <Td className="max-w-xs break-words">
                  <Link className="underline" href={`/evaluation/runs/${run.id}/items/${item.id}`}>
                    {item.instruction ?? "(fixed instruction)"}
                  </Link>
                </Td>
                <Td>
                  {result ? (
                    <Badge tone={result.parseStatus === "ok" ? "good" : result.parseStatus === "repaired" ? "warn" : "bad"}>
                      {result.parseStatus}
                    </Badge>
                  ) : (
                    <Badge>pending</Badge>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{fmt(result?.metrics?.l1, 4)}</Td>
                <Td className="text-right tabular-nums">{fmt(result?.metrics?.l2, 4)}</Td>
                <Td className="text-right tabular-nums">{fmt(result?.metrics?.psnr, 2)}</Td>
                <Td className="text-right tabular-nums">{fmt(result?.metrics?.ssim, 4)}</Td>
                <Td className="text-right tabular-nums">{fmt(result?.o, 2)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
