"use client";
import Link from "next/link";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Select } from "@/app/_components/ui/input";
import { corpusCountsQuery, corpusListQuery, corpusMatchingQuery } from "@/app/_queries/corpus";
import type { TrajectoryListItem } from "@/lib/corpus";
import { bulkCorpusAction } from "./actions";
import { SnapshotPanel, type SnapshotRow } from "./snapshot-panel";
import { VirtualList } from "./virtual-list";

const ROW_HEIGHT = 64;
const TONE: Record<string, "neutral" | "good" | "warn" | "bad"> = {
  in_review: "warn",
  accepted: "good",
  filtered_out: "bad",
  rejected: "bad",
  failed: "bad",
};

export function CorpusView({
  filter,
  filterError,
  snapshots,
}: {
  filter: Record<string, string>;
  filterError: string | null;
  snapshots: SnapshotRow[];
}) {
  const qc = useQueryClient();
  const filtered = Object.keys(filter).length > 0;
  const counts = useQuery(corpusCountsQuery());
  const matching = useQuery({ ...corpusMatchingQuery(filter), enabled: filtered && !filterError });
  const list = useInfiniteQuery({ ...corpusListQuery(filter), enabled: !filterError });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [split, setSplit] = useState("val");

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const bulk = async (action: "move-split" | "exclude" | "include" | "reannotate") => {
    const result = await bulkCorpusAction({ action, ids: [...selected], split });
    setMessage(result.ok ? describeBulk(action, result.data as Record<string, number>, split) : result.error.message);
    if (result.ok) {
      setSelected(new Set());
      await qc.invalidateQueries({ queryKey: ["corpus"] });
    }
  };

  return (
    <div className="space-y-4">
      {filtered && matching.data && (
        <p className="text-sm text-zinc-600" data-testid="corpus-counts">
          {matching.data.capped ? `${matching.data.matching.toLocaleString()}+` : matching.data.matching.toLocaleString()} of{" "}
          {matching.data.total.toLocaleString()} trajectories match these filters
        </p>
      )}
      {!filtered && counts.data && (
        <p className="text-sm text-zinc-600 [overflow-wrap:anywhere]" data-testid="corpus-counts">
          {counts.data.total} trajectories ·{" "}
          {Object.entries(counts.data.byStatus)
            .map(([k, v]) => `${k} ${v}`)
            .join(" · ")}{" "}
          ·{" "}
          {Object.entries(counts.data.byCategory)
            .map(([k, v]) => `${k} ${v}`)
            .join(" · ")}
        </p>
      )}
      {filterError && (
        <p role="alert" className="text-red-600">
          {filterError}
        </p>
      )}
      {list.error && (
        <p role="alert" className="text-red-600">
          {list.error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Bulk actions">
        <span>{selected.size} selected</span>
        <Button variant="secondary" disabled={!selected.size} onClick={() => bulk("reannotate")}>
          Re-annotate
        </Button>
        <Select className="w-28" value={split} onChange={(e) => setSplit(e.target.value)} aria-label="Target split">
          {["train", "val", "test"].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </Select>
        <Button variant="secondary" disabled={!selected.size} onClick={() => bulk("move-split")}>
          Move to split
        </Button>
        <Button variant="secondary" disabled={!selected.size} onClick={() => bulk("exclude")}>
          Exclude
        </Button>
        <Button variant="ghost" disabled={!selected.size} onClick={() => bulk("include")}>
          Include
        </Button>
        {message && <span role="status">{message}</span>}
      </div>
      <VirtualList
        id="corpus-list"
        label="Trajectories"
        items={items}
        rowHeight={ROW_HEIGHT}
        height={560}
        onNearEnd={() => list.hasNextPage && !list.isFetchingNextPage && void list.fetchNextPage()}
        renderRow={(t) => <Row t={t} checked={selected.has(t.id)} onToggle={() => toggle(t.id)} />}
      />
      <p className="text-xs text-zinc-500">
        {items.length} loaded{list.hasNextPage ? " — scroll for more" : ""}
      </p>
      <SnapshotPanel filter={filter} snapshots={snapshots} />
    </div>
  );
}

function Row({ t, checked, onToggle }: { t: TrajectoryListItem; checked: boolean; onToggle: () => void }) {
  return (
    <div
      className="flex h-full items-center gap-3 border-b border-zinc-100 px-2 text-sm dark:border-zinc-800"
      data-testid="corpus-row"
      data-status={t.status}
    >
      <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Select trajectory ${t.id}`} />
      <Thumb sha={t.sourceSha} alt="before" />
      <Thumb sha={t.targetSha} alt="after" />
      <Link href={`/corpus/${t.id}`} className="min-w-0 flex-1 truncate underline-offset-2 hover:underline">
        {t.shortInstruction ?? <span className="text-zinc-400">not annotated yet</span>}
      </Link>
      <Badge tone={TONE[t.status] ?? "neutral"}>{t.status}</Badge>
      {/* On a phone the instruction keeps the room; category, split and source show from 640 px. */}
      <span className="hidden gap-1 sm:flex">
        <Badge>{t.category}</Badge>
        <Badge>{t.split}</Badge>
        {t.hasLocalCorrections && <Badge>masks</Badge>}
      </span>
      {t.excluded && <Badge tone="bad">excluded</Badge>}
      <span className="hidden w-28 truncate text-xs text-zinc-500 md:inline">{t.source}</span>
    </div>
  );
}

/** A bulk action's result in words: "Moved 3 trajectories to val". */
function describeBulk(action: string, data: Record<string, number>, split: string): string {
  const n = data.updated ?? data.queued ?? 0;
  const what = `${n} ${n === 1 ? "trajectory" : "trajectories"}`;
  if (action === "move-split") return `Moved ${what} to ${split}.`;
  if (action === "exclude") return `Excluded ${what} from snapshots and exports.`;
  if (action === "include") return `Included ${what} again.`;
  return `Queued ${what} for re-annotation.`;
}

function Thumb({ sha, alt }: { sha: string | null; alt: string }) {
  if (!sha) return <span className="h-12 w-12 rounded bg-zinc-200" />;
  // eslint-disable-next-line @next/next/no-img-element -- authenticated, content-addressed API images
  return <img src={`/api/v1/images/${sha}/thumbnail`} alt={alt} loading="lazy" className="h-12 w-12 rounded object-cover" />;
}
