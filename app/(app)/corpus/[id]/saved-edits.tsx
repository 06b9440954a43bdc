import Link from "next/link";
import { Card, CardTitle } from "@/app/_components/ui/card";
import type { DevelopParams } from "@/lib/develop/params";
import type { listEdits } from "@/lib/corpus";
import { describeEdit, serializeRetouchIq } from "@/lib/edits";

const developHref = (trajectoryId: string, params?: DevelopParams) =>
  `/develop?trajectory=${trajectoryId}${params ? `&params=${encodeURIComponent(serializeRetouchIq(params))}` : ""}`;

/** The trajectory's edit and the edits people saved in Develop (listEdits), each opening there (reviewers, researchers). */
export function SavedEdits({ edits, trajectoryId }: { edits: Awaited<ReturnType<typeof listEdits>>; trajectoryId: string }) {
  return (
    <Card data-testid="saved-edits">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <CardTitle>Develop edits</CardTitle>
        <Link href={developHref(trajectoryId)} className="text-sm underline" data-testid="open-in-develop">
          Open in Develop
        </Link>
      </div>
      {edits.length === 0 ? (
        <p className="text-sm text-zinc-500">No edits saved from Develop yet.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {edits.map((e) => (
            <li key={e.id} className="flex flex-wrap gap-x-2" data-testid="saved-edit">
              <Link href={developHref(trajectoryId, e.params as DevelopParams)} className="underline">
                v{e.version}
              </Link>
              <span className="text-xs text-zinc-500">{e.createdAt.toISOString().slice(0, 16).replace("T", " ")}</span>
              <span className="min-w-0 text-zinc-700 [overflow-wrap:anywhere] dark:text-zinc-300">
                {describeEdit(e.params as DevelopParams)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
