"use client";
import { useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardTitle } from "@/app/_components/ui/card";
import type { ActionResult } from "@/lib/http/action";
import { FailureSummary, type Failures } from "./failure-summary";

const noSubscription = () => () => {};

/**
 * Work the sweeper retries and gives up on (judging pairs, perturbing instructions): how much
 * failed, the latest errors, and a retry button. Shown while anything has failed, and after a retry
 * until the page is left, so its outcome stays readable once the refreshed page has nothing to list.
 */
export function StalledWorkCard({
  testId,
  title,
  retry,
  retryLabel,
  queuedNoun,
  failures,
}: {
  testId: string;
  title: string;
  /** A server action that queues the given-up work again. */
  retry: () => Promise<ActionResult<{ queued: number }>>;
  retryLabel: string;
  /** What the retry queued, after the count: "pair(s) for judging". */
  queuedNoun: string;
  failures: Failures;
}) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  // False in the server's HTML and until hydration: the button does nothing before then, so it says so by being disabled.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const canRetry = failures.total > 0;
  if (!canRetry && failures.retrying === 0 && !message) return null;
  return (
    <Card data-testid={testId}>
      <CardTitle>{title}</CardTitle>
      <FailureSummary {...failures} />
      <div className="flex flex-wrap items-center gap-2">
        {canRetry && (
          <Button
            variant="secondary"
            disabled={!hydrated || pending}
            data-testid={`${testId}-retry`}
            onClick={() =>
              start(async () => {
                const r = await retry();
                setMessage(r.ok ? `Queued ${r.data.queued} ${queuedNoun}.` : r.error.message);
              })
            }
          >
            {pending ? "Queuing…" : retryLabel}
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
