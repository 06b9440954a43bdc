"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useRef, useState, type DragEvent } from "react";
import { Button } from "@/app/_components/ui/button";
import { DropZone } from "@/app/_components/ui/drop-zone";
import { importQuery } from "@/app/_queries/corpus";

type Picked = { path: string; file: File };

/** Files from a folder picker keep their folder; strip the top folder so paths are relative to it. */
const relative = (file: File) => {
  const rel = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
  const parts = rel.split("/");
  return parts.length > 1 ? parts.slice(1).join("/") : rel;
};

/** Walks a dropped folder (DataTransfer entries) into files with relative paths. */
async function filesFromDrop(e: DragEvent): Promise<Picked[]> {
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => Boolean(x));
  if (entries.length === 0) return [...e.dataTransfer.files].map((file) => ({ path: file.name, file }));
  const out: Picked[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ path: prefix + entry.name, file });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
    }
  };
  // A single dropped folder is the import root; its own name is not part of the paths.
  if (entries.length === 1 && entries[0].isDirectory) {
    const reader = (entries[0] as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (batch.length === 0) break;
      for (const child of batch) await walk(child, "");
    }
  } else for (const entry of entries) await walk(entry, "");
  return out;
}

export function ImportDropzone() {
  const [picked, setPicked] = useState<Picked[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const folderRef = useRef<HTMLInputElement>(null);
  const filesRef = useRef<HTMLInputElement>(null);
  const report = useQuery({ ...importQuery(importId ?? "none"), enabled: Boolean(importId) });

  const start = async () => {
    setBusy(true);
    setError(null);
    const form = new FormData();
    for (const p of picked) form.append("files", p.file, p.file.name);
    form.append("paths", JSON.stringify(picked.map((p) => p.path)));
    const res = await fetch("/api/v1/corpus/imports", { method: "POST", body: form });
    const body = await res.json().catch(() => null);
    setBusy(false);
    if (!res.ok) return setError(body?.error?.message ?? `${res.status} ${res.statusText}`);
    setImportId(body.importId);
    if (body.warning) setError(body.warning);
  };

  const r = report.data;
  return (
    <div className="space-y-4">
      <DropZone testId="import-dropzone" onDrop={async (e) => setPicked(await filesFromDrop(e))}>
        <p>Drop a folder or a manifest with its files here, or</p>
        <div className="flex gap-2">
          <Button onClick={() => folderRef.current?.click()}>Choose a folder…</Button>
          <Button variant="secondary" onClick={() => filesRef.current?.click()}>
            Choose files…
          </Button>
        </div>
        <input
          ref={folderRef}
          type="file"
          multiple
          className="sr-only"
          aria-label="Choose a folder to import"
          data-testid="folder-input"
          {...({ webkitdirectory: "", directory: "" } as Record<string, string>)}
          onChange={(e) => setPicked([...(e.target.files ?? [])].map((file) => ({ path: relative(file), file })))}
        />
        <input
          ref={filesRef}
          type="file"
          multiple
          className="sr-only"
          aria-label="Choose a manifest and its files"
          data-testid="files-input"
          onChange={(e) => setPicked([...(e.target.files ?? [])].map((file) => ({ path: file.name, file })))}
        />
      </DropZone>
      {picked.length > 0 && (
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="picked-count">{picked.length} files selected</span>
          <Button disabled={busy || Boolean(importId && r?.status === "running")} onClick={start}>
            {busy ? "Uploading…" : "Start import"}
          </Button>
        </div>
      )}
      {error && (
        <p role="alert" className="text-red-600">
          {error}
        </p>
      )}
      {r && (
        <div className="space-y-2 text-sm" data-testid="import-report" data-status={r.status}>
          <progress max={Math.max(1, r.total)} value={r.done} className="h-2 w-80" aria-label="Import progress" />
          <p>
            {r.status} · {r.done}/{r.total} rows · imported {r.imported} · duplicates {r.duplicates} · failed {r.failed}
          </p>
          {r.failures.length > 0 && (
            <ul className="list-disc pl-5 text-red-700" aria-label="Rows that failed">
              {r.failures.map((f) => (
                <li key={f.line}>
                  line {f.line}
                  {f.ref ? ` (${f.ref})` : ""}: {f.reason}
                </li>
              ))}
            </ul>
          )}
          {r.status === "done" && (
            <Link className="underline" href={`/corpus?importId=${r.id}`}>
              Browse this import →
            </Link>
          )}
        </div>
      )}
    </div>
  );
}
