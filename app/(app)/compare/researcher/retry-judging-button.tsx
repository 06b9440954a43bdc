"use client";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { retryJudgingAction } from "../actions";

/** Queues every pair the judge gave up on for a fresh start. */
export function RetryJudgingButton() {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="secondary"
        disabled={pending}
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
      {message && (
        <span className="text-sm" role="status">
          {message}
        </span>
      )}
    </span>
  );
}
