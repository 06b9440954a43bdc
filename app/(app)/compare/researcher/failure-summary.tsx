/** What a stalled-work card shows: the retry policy, how many gave up and are being retried, and the latest errors. */
export type Failures = {
  total: number;
  retrying: number;
  giveUpAfter: number;
  retryAfterMs: number;
  recent: { key: string; label: string; failedAt: Date | null; error: string | null }[];
};

export function FailureSummary({ total, retrying, giveUpAfter, retryAfterMs, recent }: Failures) {
  return (
    <>
      <p className="text-sm">
        {total} given up (after {giveUpAfter} jobs, or an error retrying cannot fix) · {retrying} failed and retried by the sweeper (
        {retryAfterMs / 60_000} min after each failure)
      </p>
      {recent.length > 0 && (
        <ul className="my-2 space-y-1 text-xs">
          {recent.map((f) => (
            <li key={f.key} className="break-words">
              <span className="font-mono text-zinc-500">{f.label}</span> {f.failedAt?.toISOString().slice(0, 16).replace("T", " ")} UTC:{" "}
              {f.error}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
