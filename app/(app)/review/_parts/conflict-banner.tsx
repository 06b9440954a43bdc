"use client";
import { Button } from "@/app/_components/ui/button";
import type { Conflict } from "@/app/_queries/review";

/** A submit refused because someone changed the item meanwhile: their text and yours side by side, and a way to load theirs. */
export function ConflictBanner({ conflicts, onReload }: { conflicts: Conflict[]; onReload: () => void }) {
  return (
    <div role="alert" data-testid="conflict" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-medium">Someone changed this item while you were reviewing it. Nothing was saved; your draft is kept.</p>
      {conflicts.map((c) => (
        <div key={c.variant} className="mt-2 grid gap-1 sm:grid-cols-2">
          <div>
            <div className="text-xs uppercase text-amber-800">{c.variant} — now</div>
            <div data-testid="conflict-theirs">{c.theirs}</div>
          </div>
          <div>
            <div className="text-xs uppercase text-amber-800">{c.variant} — yours</div>
            <div data-testid="conflict-yours">{c.yours}</div>
          </div>
        </div>
      ))}
      <Button className="mt-2" variant="secondary" onClick={onReload}>
        Load the current version
      </Button>
    </div>
  );
}
