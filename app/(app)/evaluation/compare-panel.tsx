"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Label, Select } from "@/app/_components/ui/input";
import { compareQuery } from "@/app/_queries/eval";

const LABELS: Record<string, string> = {
  l1: "L1↓",
  l2: "L2↓",
  sc: "SC↑",
  pq: "PQ↑",
  o: "O↑",
  psnr: "PSNR↑",
  ssim: "SSIM↑",
  lpips: "LPIPS↓",
};

/** Paired bootstrap of two runs: mean difference A − B, 95% interval, and a marker when it excludes 0. */
export function ComparePanel({ runs }: { runs: { id: string; label: string }[] }) {
  const [a, setA] = useState(runs[0]?.id ?? "");
  const [b, setB] = useState(runs[1]?.id ?? "");
  const cmp = useQuery(compareQuery(a, b));
  return (
    <Card>
      <CardTitle>Compare two runs (paired bootstrap)</CardTitle>
      <div className="grid gap-2 sm:grid-cols-2">
        <RunSelect id="cmp-a" label="Run A" runs={runs} value={a} onChange={setA} />
        <RunSelect id="cmp-b" label="Run B" runs={runs} value={b} onChange={setB} />
      </div>
      {a === b && <p className="mt-2 text-sm text-zinc-500">Pick two different runs.</p>}
      {cmp.error && <p className="mt-2 text-sm text-red-700">{(cmp.error as Error).message}</p>}
      {cmp.data && (
        <div className="mt-3 max-w-full overflow-x-auto">
          <p className="mb-1 text-xs text-zinc-500">
            {cmp.data.paired} items scored by both. Δ = A − B with its 95% interval; ★ = the interval excludes 0 (significant at 5%).
          </p>
          <table className="w-full text-xs sm:text-sm" data-testid="comparison">
            <thead>
              <tr>
                <th className="px-2 py-1 text-left">Split</th>
                <th className="px-2 py-1 text-left">Metric</th>
                <th className="px-2 py-1 text-right">Δ (A − B)</th>
                <th className="px-2 py-1 text-right">95% CI</th>
                <th className="px-2 py-1 text-right">p</th>
                <th className="px-2 py-1 text-left">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {cmp.data.groups.flatMap((g) =>
                Object.entries(cmp.data.result[g] ?? {}).map(([k, d]) => (
                  <tr key={`${g}-${k}`} className="border-t">
                    <td className="px-2 py-1 capitalize">{g}</td>
                    <td className="px-2 py-1">{LABELS[k] ?? k}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{d!.mean.toFixed(4)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">
                      [{d!.lo.toFixed(4)}, {d!.hi.toFixed(4)}]
                    </td>
                    <td className="px-2 py-1 text-right tabular-nums">{d!.p.toFixed(3)}</td>
                    <td className="px-2 py-1">{d!.significant ? `★ ${d!.aBetter ? "A" : "B"} better` : "n.s."}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function RunSelect({
  id,
  label,
  runs,
  value,
  onChange,
}: {
  id: string;
  label: string;
  runs: { id: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {r.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
