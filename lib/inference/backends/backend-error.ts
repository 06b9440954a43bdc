/** Why a backend call failed, in the terms the retry loop decides on. */
export type BackendFailure =
  | { kind: "http"; status: number; retryAfterMs?: number; message: string }
  | { kind: "timeout"; message: string }
  | { kind: "connection"; message: string };

/** A failed server call (after which the gateway may retry). */
export class BackendError extends Error {
  readonly failure: BackendFailure;
  constructor(failure: BackendFailure) {
    super(failure.message);
    this.name = "BackendError";
    this.failure = failure;
  }
}

/** 429, 5xx, timeouts and connection errors are worth retrying; other 4xx are not. */
export const isRetryable = (f: BackendFailure) => f.kind !== "http" || f.status === 429 || f.status === 408 || f.status >= 500;

/** Failures that suggest the endpoint is down (they count toward the circuit breaker); a 429 means busy, not down. */
export const suggestsDown = (f: BackendFailure) => f.kind !== "http" || f.status >= 500;
