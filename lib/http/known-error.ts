import { AppError, isAppError } from "@/lib/errors";

/** Postgres SQLSTATEs and socket codes that mean "the database or a service is down", not "the code is wrong". */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
]);

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
};

/** The error and its causes (drizzle wraps the driver's error in `cause`). */
function* chain(e: unknown): Generator<unknown> {
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) yield cur;
}

/**
 * Maps errors that are not the caller's fault to the one error union, so a
 * transport answers 503 (or 422) with a message instead of a bare 500:
 * database or Redis down → UNAVAILABLE, disk full → UNAVAILABLE, a value
 * Postgres refuses as data (SQLSTATE class 22: out-of-range date, NUL byte
 * in text) → VALIDATION. Anything else returns null (a real bug: logged, 500).
 */
export function toKnownError(error: unknown): AppError | null {
  if (isAppError(error)) return error;
  for (const e of chain(error)) {
    const code = codeOf(e);
    if (!code) continue;
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))
      return new AppError("UNAVAILABLE", "The database or a service is unavailable; try again in a moment");
    if (code === "ENOSPC" || code === "EDQUOT") return new AppError("UNAVAILABLE", "Storage is full; try again after space is freed");
    if (code.startsWith("22"))
      return new AppError(
        "VALIDATION",
        "A value is malformed or out of range (dates must be between years 1 and 9999; text may not contain NUL bytes)",
      );
  }
  const message = error instanceof Error ? error.message : "";
  if (/Connection is closed|MaxRetriesPerRequest|Stream isn't writeable|ECONNREFUSED/.test(message))
    return new AppError("UNAVAILABLE", "The job queue is unavailable; try again in a moment");
  return null;
}
