"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { fetchJson } from "@/app/_queries/fetch-json";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { DropZone } from "@/app/_components/ui/drop-zone";
import { uploadFile, type UploadItem } from "./upload-file";

const PARALLEL_UPLOADS = 3;

export function UploadDropzone() {
  const [items, setItems] = useState<UploadItem[]>([]);
  const inputRef = useRef<HTMLInputElement>(null);
  const qc = useQueryClient();
  const update = useCallback(
    (id: string, patch: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.id === id ? { ...i, ...patch } : i))),
    [],
  );

  const queue = useRef<UploadItem[]>([]);
  const running = useRef(0);

  // Uploads a few files at a time; each finished upload pulls the next one.
  const pump = useCallback(() => {
    const startNext = () => {
      while (running.current < PARALLEL_UPLOADS && queue.current.length > 0) {
        const item = queue.current.shift()!;
        running.current++;
        update(item.id, { state: "uploading" });
        uploadFile(item.file, (p) => update(item.id, { progress: p }))
          .then((r) => {
            const state = r.status === "ready" ? (r.duplicate ? "duplicate" : "ready") : "processing";
            update(item.id, { state, sha256: r.sha256, progress: 1 });
          })
          .catch((e: Error) => update(item.id, { state: "error", message: e.message }))
          .finally(() => {
            running.current--;
            startNext();
          });
      }
    };
    startNext();
  }, [update]);

  const addFiles = (files: FileList | File[]) => {
    const added = [...files].map((file) => ({ id: crypto.randomUUID(), file, state: "queued" as const, progress: 0 }));
    setItems((all) => [...added, ...all]);
    queue.current.push(...added);
    pump();
  };

  // Poll files the workers are still processing until they are ready or failed.
  useEffect(() => {
    const processing = items.filter((i) => i.state === "processing" && i.sha256);
    if (processing.length === 0) return;
    const timer = setTimeout(async () => {
      for (const item of processing) {
        const img = await fetchJson<{ status: string; error: string | null }>(`/api/v1/images/${item.sha256}`).catch(() => null);
        if (img?.status === "ready") update(item.id, { state: "ready" });
        if (img?.status === "failed") update(item.id, { state: "error", message: img.error ?? "Processing failed" });
      }
      void qc.invalidateQueries({ queryKey: ["images"] });
      void qc.invalidateQueries({ queryKey: ["dashboard"] });
    }, 1000);
    return () => clearTimeout(timer);
  }, [items, update, qc]);

  return (
    <div className="space-y-4">
      <DropZone testId="dropzone" onDrop={(e) => e.dataTransfer.files.length && addFiles(e.dataTransfer.files)}>
        <p>Drop images here, or</p>
        <Button onClick={() => inputRef.current?.click()}>Choose files…</Button>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept="image/*,.jpg,.jpeg,.png,.webp,.tif,.tiff,.avif"
          className="sr-only"
          aria-label="Choose images to upload"
          data-testid="file-input"
          onChange={(e) => {
            if (e.target.files) addFiles(e.target.files);
            e.target.value = "";
          }}
        />
      </DropZone>
      {items.length > 0 && (
        <ul
          className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          aria-label="Uploads"
        >
          {items.map((item) => (
            <li key={item.id} className="flex items-center gap-3 px-3 py-2 text-sm" data-testid="upload-row" data-state={item.state}>
              <span className="w-64 truncate font-medium" title={item.file.name}>
                {item.file.name}
              </span>
              <progress className="h-2 w-40" max={1} value={item.progress} aria-label={`Upload progress of ${item.file.name}`} />
              <StateBadge item={item} />
              {item.message && (
                <span role="alert" className="text-red-600" data-testid="upload-error">
                  {item.message}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function StateBadge({ item }: { item: UploadItem }) {
  const label = {
    queued: "queued",
    uploading: `${Math.round(item.progress * 100)}%`,
    processing: "processing…",
    ready: "ready",
    duplicate: "already stored",
    error: "rejected",
  }[item.state];
  const tone = item.state === "error" ? "bad" : item.state === "ready" || item.state === "duplicate" ? "good" : "warn";
  return <Badge tone={tone}>{label}</Badge>;
}
