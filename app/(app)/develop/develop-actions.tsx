"use client";
import { useEffect, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import type { DevelopParams } from "@/lib/develop/params";
import { serializeRetouchIq } from "@/lib/edits/serialize-retouchiq";
import type * as EditWriters from "./edit-writers";
import { saveFixAction } from "../compare/actions";
import { saveEditAction } from "./actions";

/** A corpus trajectory opened in Develop: saving adds an edit to it. */
export type TrajectoryRef = { id: string; sourceSha: string; edits: { id: string; version: number }[] };
/** A preference candidate opened in Develop: saving stores a human fix of it (and a pair fix ≻ candidate). */
export type CandidateRef = { id: string; sourceSha: string; instruction: string | null; origin?: string };

let writers: Promise<typeof EditWriters> | undefined;
/** The JarvisArt and XMP writers, fetched once (a failed fetch is retried on the next use). */
function loadWriters(): Promise<typeof EditWriters> {
  writers ??= import("./edit-writers").catch((e: unknown) => {
    writers = undefined;
    throw e;
  });
  return writers;
}

/**
 * What can be done with the edit on the Develop page: save it onto what was opened (a new edit of
 * the trajectory, or a fix of the candidate — the compare workspace's Fix it verb), copy it as
 * RetouchIQ text or JarvisArt JSON, download it as XMP.
 */
export function DevelopActions({
  params,
  trajectory,
  candidate,
  onTrajectorySaved,
  previewShown,
}: {
  params: DevelopParams;
  trajectory?: TrajectoryRef;
  candidate?: CandidateRef;
  onTrajectorySaved: (t: TrajectoryRef) => void;
  /** The preview has shown a full frame: the main thread is free for the writers' script. */
  previewShown: boolean;
}) {
  const [notice, setNotice] = useState<string | null>(null);

  // Fetch the writers when the browser is idle after the preview's first full frame, so a click
  // finds them: idle time before it (while the worker renders) is when that frame arrives, and
  // evaluating the chunk (~90 ms here) then held the frame back.
  useEffect(() => {
    if (!previewShown) return;
    const prefetch = () => void loadWriters().catch(() => undefined);
    if (typeof requestIdleCallback !== "function") {
      const timer = setTimeout(prefetch, 1000);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(prefetch, { timeout: 3000 });
    return () => cancelIdleCallback(handle);
  }, [previewShown]);

  async function save() {
    if (trajectory) {
      const basedOn = trajectory.edits[0]?.id;
      const result = await saveEditAction({ trajectoryId: trajectory.id, params: params as Record<string, unknown>, basedOn });
      if (!result.ok) return setNotice(`Not saved: ${result.error.message}`);
      onTrajectorySaved({ ...trajectory, edits: [{ id: result.data.id, version: result.data.version }, ...trajectory.edits] });
      return setNotice(`Saved as edit v${result.data.version} of this trajectory`);
    }
    if (candidate) {
      const result = await saveFixAction({ candidateId: candidate.id, params: params as Record<string, unknown> });
      if (!result.ok) return setNotice(`Not saved: ${result.error.message}`);
      setNotice(
        `Saved as a fix: candidate ${result.data.candidateId.slice(0, 8)}, pair ${result.data.pairId.slice(0, 8)} (fix preferred over this candidate)`,
      );
    }
  }

  /** The writers, or null (with a notice saying why) when their script could not be fetched. */
  async function writersOrNotice() {
    return loadWriters().catch((e: unknown) => {
      setNotice(`Could not load the exporter (${e instanceof Error ? e.message : String(e)}): check the connection and try again`);
      return null;
    });
  }

  async function copy(kind: "retouchiq" | "jarvisart") {
    const text = kind === "retouchiq" ? serializeRetouchIq(params) : (await writersOrNotice())?.serializeJarvisArt({ params });
    if (text === undefined) return;
    await navigator.clipboard.writeText(text).then(
      () => setNotice(`Copied as ${kind === "retouchiq" ? "RetouchIQ text" : "JarvisArt JSON"}`),
      () => setNotice("Copy failed: the browser refused clipboard access"),
    );
  }

  async function downloadXmp() {
    const w = await writersOrNotice();
    if (!w) return;
    const url = URL.createObjectURL(new Blob([w.writeXmp(params)], { type: "application/rdf+xml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = `${trajectory ? `trajectory-${trajectory.id.slice(0, 8)}` : candidate ? `candidate-${candidate.id.slice(0, 8)}` : "edit"}.xmp`;
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <>
      <div className="flex flex-wrap gap-2">
        {(trajectory || candidate) && (
          <Button onClick={save} data-testid="develop-save">
            {trajectory ? "Save as new edit" : "Save as fix"}
          </Button>
        )}
        <Button variant="ghost" onClick={() => copy("retouchiq")}>
          Copy RetouchIQ
        </Button>
        <Button variant="ghost" onClick={() => copy("jarvisart")}>
          Copy JarvisArt
        </Button>
        <Button variant="ghost" onClick={downloadXmp}>
          XMP
        </Button>
      </div>
      {notice && (
        <p className="text-xs text-zinc-600" role="status" data-testid="develop-notice">
          {notice}
        </p>
      )}
      {trajectory && (
        <p className="text-xs text-zinc-500" data-testid="develop-trajectory">
          Trajectory {trajectory.id.slice(0, 8)} · {trajectory.edits.length} saved edit{trajectory.edits.length === 1 ? "" : "s"}
        </p>
      )}
      {candidate && (
        <div className="space-y-1 text-xs text-zinc-500" data-testid="develop-candidate">
          <p>
            Candidate {candidate.id.slice(0, 8)}
            {candidate.origin && ` · ${candidate.origin}`}
          </p>
          {candidate.instruction && <p className="text-zinc-700 dark:text-zinc-300">Instruction: {candidate.instruction}</p>}
        </div>
      )}
    </>
  );
}
