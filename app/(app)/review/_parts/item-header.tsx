"use client";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import type { ReviewItem } from "@/app/_queries/review";

/** The review item's header: which item of the session, where it came from, and the moves between items (each with its key). */
export function ItemHeader({
  item,
  position,
  decided,
  canOpenCorpus,
  onPrevious,
  onSkip,
  onNext,
  onHelp,
}: {
  item: ReviewItem;
  /** 1-based, in this session's history. */
  position: number;
  decided: boolean;
  canOpenCorpus: boolean;
  onPrevious: () => void;
  onSkip: () => void;
  onNext: () => void;
  onHelp: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="font-medium">
        Item {position}
        {decided ? " · decided" : ""}
      </span>
      <span className="text-zinc-500 [overflow-wrap:anywhere]">
        {item.category} · {item.model} ({item.backend}) · prompt <span data-testid="prompt-name">{item.prompt}</span>
      </span>
      {canOpenCorpus && (
        <Link className="underline" href={`/corpus/${item.trajectoryId}`}>
          Open in corpus
        </Link>
      )}
      <span className="ml-auto flex flex-wrap gap-1">
        <Button variant="secondary" onClick={onPrevious} disabled={position === 1}>
          ← Previous (P)
        </Button>
        {!decided && (
          <Button variant="secondary" onClick={onSkip}>
            Skip (S)
          </Button>
        )}
        <Button variant="secondary" onClick={onNext}>
          Next (N) →
        </Button>
        <Button variant="ghost" onClick={onHelp} aria-label="Keyboard shortcuts">
          ?
        </Button>
      </span>
    </div>
  );
}
