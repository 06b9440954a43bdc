import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { createContext, type Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./to-response";

type Handler<P> = (args: { req: Request; ctx: Ctx; actor: Actor; params: P }) => Promise<Response | unknown>;

/**
 * Wraps a route handler: resolves the caller (session or bearer token),
 * refuses anonymous callers with 401, builds the verb context, serialises
 * plain results as JSON and maps errors in one place. Role checks stay in
 * the verbs, so every transport enforces the same rules.
 */
export function route<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: Request, { params }: { params: Promise<P> }) => {
    try {
      const actor = await getActor(req.headers);
      if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in or send an API token");
      const result = await handler({ req, ctx: createContext({ actor }), actor, params: await params });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
