import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EditTable } from "@/app/_components/edit-table";
import { ImageViewer } from "@/app/_components/image-viewer";
import { Badge } from "@/app/_components/ui/badge";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { requirePageRole } from "@/lib/auth/page-guard";
import { createContext } from "@/lib/context";
import { getTrajectoryOrThrow, listEdits } from "@/lib/corpus";
import { isAppError } from "@/lib/errors";
import { SavedEdits } from "./saved-edits";

export default async function TrajectoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // Annotators and reviewers may open the items they review (the verb checks which).
  const actor = await requirePageRole(["annotator", "reviewer", "researcher"], `/corpus/${id}`);
  const ctx = createContext({ actor });
  // Develop opens any trajectory, so its saved edits are for reviewers and researchers (annotators review blind).
  const showEdits = actor.role !== "annotator";
  const [detail, edits] = await Promise.all([
    getTrajectoryOrThrow({ ctx, input: { id } }),
    showEdits ? listEdits({ ctx, input: { trajectoryId: id } }) : null,
  ]).catch((e) => {
    if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) notFound();
    // An annotator asking for an item they were not assigned.
    if (isAppError(e) && e.code === "FORBIDDEN") redirect("/forbidden");
    throw e;
  });
  const t = detail.trajectory;
  return (
    <div className="space-y-4">
      {actor.role === "researcher" || actor.role === "admin" ? (
        <Link href="/corpus" className="text-sm underline">
          ← Corpus
        </Link>
      ) : (
        <Link href="/review" className="text-sm underline">
          ← Review
        </Link>
      )}
      <h1 className="text-xl font-semibold">Trajectory {t.id.slice(0, 8)}</h1>
      <div className="flex flex-wrap gap-2">
        <Badge>{t.status}</Badge>
        <Badge>{t.category}</Badge>
        <Badge>{t.split}</Badge>
        {t.excluded && <Badge tone="bad">excluded</Badge>}
        {t.hasLocalCorrections && <Badge>local masks</Badge>}
      </div>
      <p className="text-sm text-zinc-600 [overflow-wrap:anywhere]">
        Category rule: {t.categoryReason ?? "—"} · source {t.source ?? "—"}
        {detail.importSource ? ` (import ${detail.importSource.id.slice(0, 8)})` : ""} · license {t.license ?? "—"}
        {t.error ? ` · error: ${t.error}` : ""}
      </p>
      <ImageViewer
        mode="wipe"
        panes={[
          { src: `/api/v1/images/${t.sourceSha}/preview`, label: "Before" },
          ...(t.targetSha
            ? [{ src: `/api/v1/images/${t.targetSha}/preview`, label: t.targetRendered ? "After (engine render)" : "After" }]
            : []),
        ]}
      />
      <Card>
        <CardTitle>Edit</CardTitle>
        <EditTable description={detail.description} changes={detail.changes} />
        <p className="mt-2 text-sm text-zinc-600" data-testid="fidelity">
          {t.targetRendered
            ? "After image rendered by the develop engine (no fidelity to measure)."
            : `Engine fidelity vs the supplied after image: L1 ${t.fidelityL1?.toFixed(4) ?? "—"}, ΔE ${t.fidelityDeltaE?.toFixed(2) ?? "—"}`}
        </p>
      </Card>
      {edits && <SavedEdits edits={edits} trajectoryId={t.id} />}
      <Card>
        <CardTitle>Instructions</CardTitle>
        {detail.versions.length === 0 && <p className="text-sm text-zinc-500">Not annotated yet.</p>}
        {detail.versions.map((v) => (
          <section key={v.version} className="mb-4 space-y-1" data-testid="instruction-version">
            <h3 className="font-medium">
              Version {v.version} · {v.model} ({v.backend}) · prompt {v.promptName} ·{" "}
              <Badge tone={v.status === "filtered_out" ? "bad" : "neutral"}>{v.status}</Badge>
            </h3>
            {v.filterReasons.length > 0 && (
              <ul className="list-disc pl-5 text-sm text-red-700">
                {v.filterReasons.map((r, i) => (
                  <li key={i}>
                    {r.filter}: {r.reason}
                  </li>
                ))}
              </ul>
            )}
            {v.variants.map((x) => (
              <div key={x.id} className="text-sm">
                <span className="font-mono text-xs text-zinc-500">{x.variant}</span> {x.text}
                {x.reviews.map((r) => (
                  <div key={r.id} className="pl-6 text-xs text-zinc-600">
                    review: {r.decision}
                    {r.comment ? ` — ${r.comment}` : ""} ({r.createdAt.slice(0, 16)})
                  </div>
                ))}
              </div>
            ))}
            <details className="text-sm">
              <summary>Reasoning</summary>
              <pre className="whitespace-pre-wrap text-xs">{v.reasoning}</pre>
            </details>
          </section>
        ))}
      </Card>
    </div>
  );
}
