import "server-only";
import { HTTP_STATUS } from "@/lib/errors";
import { toKnownError } from "./known-error";

/**
 * Maps any thrown value to a JSON response: AppErrors (and infrastructure
 * failures, see toKnownError) to their status with `{ error: { code,
 * message, details } }`; anything else is logged with a request id and
 * answered 500 without internals.
 */
export function errorResponse(error: unknown): Response {
  const known = toKnownError(error);
  if (known) {
    const headers: HeadersInit = known.code === "UNAVAILABLE" ? { "retry-after": "5" } : {};
    return Response.json(
      { error: { code: known.code, message: known.message, details: known.details } },
      { status: HTTP_STATUS[known.code], headers },
    );
  }
  const id = crypto.randomUUID();
  console.error(`[http] unhandled error ${id}:`, error);
  return Response.json({ error: { code: "INTERNAL", message: `Unexpected server error (ref ${id})` } }, { status: 500 });
}
