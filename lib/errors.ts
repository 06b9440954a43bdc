/**
 * The one error union every verb throws. Transports (route handlers, server
 * actions, job processors) map it in one place: `lib/http/to-response.ts`.
 */
export const ERROR_CODES = ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "VALIDATION", "TOO_LARGE", "UNAVAILABLE"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Extra, user-safe detail (per-field issues, ids). */
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Turns a zod failure into a VALIDATION error listing each bad field. */
export function validationError(issues: { path: PropertyKey[]; message: string }[]): AppError {
  const fields = issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message }));
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join("; ");
  return new AppError("VALIDATION", `Invalid input — ${summary}`, { fields });
}
