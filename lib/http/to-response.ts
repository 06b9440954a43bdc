import "server-only";
import { HTTP_STATUS, isAppError } from "@/lib/errors";

/**
 * Maps any thrown value to a JSON response: AppErrors to their status with
 * `{ error: { code, message, details } }`; anything else is logged with a
 * request id and answered 500 without internals.
 */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return Response.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: HTTP_STATUS[error.code] },
    );
  }
  const id = crypto.randomUUID();
  console.error(`[http] unhandled error ${id}:`, error);
  return Response.json({ error: { code: "INTERNAL", message: `Unexpected server error (ref ${id})` } }, { status: 500 });
}
