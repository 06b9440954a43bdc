"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { Input } from "@/app/_components/ui/input";
import { createSnapshotAction } from "./actions";

export type SnapshotRow = { id: string; name: string; hash: string; itemCount: number; counts: Record<string, number>; createdAt: string };

/** Freeze the current filter as an immutable snapshot, and list existing ones. */
export function SnapshotPanel({ filter, snapshots }: { filter: Record<string, string>; snapshots: SnapshotRow[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [excludeTest, setExcludeTest] = useState(true);
  const [message, setMessage] = useState<string | null>(null);
  const create = async () => {
    const r = await createSnapshotAction({ name, filter, excludeTest });
    setMessage(
      r.ok
        ? `${r.data.created ? "Created" : "Same selection as an existing"} snapshot ${r.data.hash.slice(0, 12)} (${r.data.itemCount} trajectories)`
        : r.error.message,
    );
    if (r.ok) router.refresh();
  };
  return (
    <Card>
      <CardTitle>Snapshots</CardTitle>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Input
          className="w-64"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Snapshot name"
          aria-label="Snapshot name"
        />
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={excludeTest} onChange={(e) => setExcludeTest(e.target.checked)} /> leave out the test split
        </label>
        <Button disabled={!name.trim()} onClick={create}>
          Snapshot this selection
        </Button>
        {message && <span role="status">{message}</span>}
      </div>
      <ul className="mt-3 space-y-1 text-sm">
        {snapshots.map((s) => (
          <li key={s.id} className="font-mono text-xs">
            {s.hash.slice(0, 16)} · {s.name} · {s.itemCount} items ·{" "}
            {Object.entries(s.counts)
              .map(([k, v]) => `${k} ${v}`)
              .join(", ")}{" "}
            · {s.createdAt.slice(0, 16)}
          </li>
        ))}
      </ul>
    </Card>
  );
}
