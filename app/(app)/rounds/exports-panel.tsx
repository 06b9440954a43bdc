"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Input, Select } from "@/app/_components/ui/input";
import { createExportAction } from "./actions";

const FORMATS = ["easyr1-policy", "easyr1-pgrt", "verl-policy", "verl-pgrt", "llamafactory-policy-sft", "llamafactory-reward-sft"];

type ExportRow = {
  id: string;
  name: string;
  format: string;
  hash: string;
  counts: Record<string, number>;
  bytes: number;
  dataFiles: { path: string; size: number }[];
  createdAt: string;
};

/** Create an export of a snapshot in an engine's format, and download exports (resumable). */
export function ExportsPanel({ snapshots, exports }: { snapshots: { id: string; name: string }[]; exports: ExportRow[] }) {
  const router = useRouter();
  const [snapshotId, setSnapshotId] = useState(snapshots[0]?.id ?? "");
  const [format, setFormat] = useState(FORMATS[0]);
  const [name, setName] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const create = async () => {
    const r = await createExportAction({ snapshotId, format, name });
    setMessage(
      r.ok
        ? `${r.data.created ? "Exported" : "Identical to an existing export"}: ${r.data.hash.slice(0, 12)}, ${r.data.counts.rows} rows`
        : r.error.message,
    );
    if (r.ok) router.refresh();
  };
  return (
    <Card>
      <CardTitle>Exports</CardTitle>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Select className="w-48" aria-label="Snapshot" value={snapshotId} onChange={(e) => setSnapshotId(e.target.value)}>
          {snapshots.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </Select>
        <Select className="w-56" aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value)}>
          {FORMATS.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </Select>
        <Input className="w-48" aria-label="Export name" placeholder="Export name" value={name} onChange={(e) => setName(e.target.value)} />
        <Button disabled={!snapshotId || !name.trim()} onClick={create}>
          Export
        </Button>
        {message && <span role="status">{message}</span>}
      </div>
      <ul className="mt-3 space-y-2 text-sm">
        {exports.map((e) => (
          <li key={e.id} className="break-words">
            <span className="font-medium">{e.name}</span> · {e.format} · <span className="font-mono text-xs">{e.hash.slice(0, 12)}</span> ·{" "}
            {e.counts.rows} rows, {e.counts.images} images · {(e.bytes / 1e6).toFixed(1)} MB ·{" "}
            <a className="underline" href={`/api/v1/exports/${e.id}/files/manifest.json`}>
              manifest
            </a>
            {e.dataFiles.map((f) => (
              <a key={f.path} className="ml-2 underline" href={`/api/v1/exports/${e.id}/files/${f.path}`}>
                {f.path}
              </a>
            ))}
          </li>
        ))}
      </ul>
    </Card>
  );
}
