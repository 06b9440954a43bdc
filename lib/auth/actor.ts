import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Who is asking: a signed-in user or the owner of an API token. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: "session" | "token";
  /** A token's scopes (`reward`, `trainer`, `export`); absent for sessions. */
  scopes?: readonly string[];
};

/**
 * Throws unless `actor` holds one of `roles`. Admins pass every check.
 * Unauthenticated callers get UNAUTHENTICATED (401), others FORBIDDEN (403).
 */
export function requireRole(actor: Actor | null, roles: readonly Role[]): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in to continue");
  if (actor.role === "admin" || roles.includes(actor.role)) return actor;
  throw new AppError("FORBIDDEN", `This needs the ${roles.join(" or ")} role; you are ${actor.role}`);
}

/** Any signed-in user. */
export const requireActor = (actor: Actor | null): Actor => requireRole(actor, ["annotator", "reviewer", "researcher"]);

/**
 * For trainer-facing routes: the caller must hold one of `roles`, and a
 * token must also carry `scope`. Returns the actor.
 */
export function requireScope(actor: Actor | null, scope: string, roles: readonly Role[] = ["researcher"]): Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Send an API token");
  // A token needs the scope AND an owner who still holds the role (a demoted
  // owner's old trainer token stops working with the demotion).
  if (actor.via === "token" && !actor.scopes?.includes(scope)) throw new AppError("FORBIDDEN", `This API token lacks the "${scope}" scope`);
  return requireRole(actor, roles);
}
