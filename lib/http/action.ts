import "server-only";
import { headers } from "next/headers";
import { getActor } from "@/lib/auth/get-actor";
import { createContext, type Ctx } from "@/lib/context";
import { AppError, isAppError, type ErrorCode } from "@/lib/errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode | "INTERNAL"; message: string; details?: unknown } };

/**
 * The one action client: every server action resolves the signed-in actor,
 * runs a verb (which validates input with zod and checks the role) and
 * returns a typed result instead of throwing across the wire.
 */
export async function runAction<T>(fn: (ctx: Ctx) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const actor = await getActor(await headers());
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended; sign in again");
    return { ok: true, data: await fn(createContext({ actor })) };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
    const id = crypto.randomUUID();
    console.error(`[action] unhandled error ${id}:`, e);
    return { ok: false, error: { code: "INTERNAL", message: `Unexpected server error (ref ${id})` } };
  }
}
