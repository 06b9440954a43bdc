import "server-only";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { createContext, type Ctx } from "@/lib/context";
import { AppError, type ErrorCode } from "@/lib/errors";
import { toKnownError } from "./known-error";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: { code: ErrorCode | "INTERNAL"; message: string; details?: unknown } };

/**
 * The one action client: every server action resolves the signed-in actor,
 * runs a verb (which checks the role, then validates input with zod) and
 * returns a typed result instead of throwing across the wire. Actions take
 * `input: unknown` and touch it only inside `fn`, so a hostile call with
 * `[]` or `[null]` becomes a VALIDATION result, never a 500.
 */
export async function runAction<T>(fn: (ctx: Ctx) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getActor(await headers());
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again");
    return { ok: true, data: await fn(createContext({ actor })) };
  } catch (e) {
    const known = toKnownError(e);
    if (known) return { ok: false, error: { code: known.code, message: known.message, details: known.details } };
    const id = crypto.randomUUID();
    console.error(`[action] unhandled error ${id}:`, e);
    return { ok: false, error: { code: "INTERNAL", message: `Unexpected server error (ref ${id})` } };
  }
}

/** `input.field` when input is a plain object, else undefined (for actions that dispatch on a field). */
export const fieldOf = (input: unknown, field: string): unknown =>
  input && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>)[field] : undefined;
