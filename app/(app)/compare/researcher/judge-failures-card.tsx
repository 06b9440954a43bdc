"use client";
import { useState, useSyncExternalStore, useTransition, type ReactNode } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardTitle } from "@/app/_components/ui/card";
import { retryJudgingAction } from "../actions";

const noSubscription = () => () => {};

/**
 * "Pairs the reward model could not label": the server's summary (`children`) and Retry judging.
 * Shown while any pair has failed, and after a retry until the page is left, so its outcome stays
 * readable once the refreshed page has no failures to list.
 */
export function JudgeFailuresCard({ hasFailures, canRetry, children }: { hasFailures: boolean; canRetry: boolean; children: ReactNode }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  // False in the server's HTML and until hydration: the button does nothing before then, so it says so by being disabled.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!hasFailures && !message) return null;
  return (
    <Card data-testid="judge-failures">
      <CardTitle>Pairs the reward model could not label</CardTitle>
      {children}
      <div className="flex flex-wrap items-center gap-2">
        {canRetry && (
          <Button
            variant="secondary"
            disabled={!hydrated || pending}
            data-testid="retry-judging"
            onClick={() =>
              start(async () => {
                const r = await retryJudgingAction();
                setMessage(r.ok ? `Queued ${r.data.queued} pair(s) for judging.` : r.error.message);
              })
            }
          >
            {pending ? "Queuing…" : "Retry judging"}
          </Button>
        )}
        {message && (
          <span className="text-sm" role="status">
            {message}
          </span>
        )}
      </div>
    </Card>
  );
}
