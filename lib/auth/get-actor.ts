import "server-only";
import { ROLES, type Role } from "@/db/schema";
import { getDb } from "@/db/client";
import type { Actor } from "./actor";
import { actorFromApiToken } from "./api-tokens";
import { getAuth } from "./auth";

const asRole = (value: unknown): Role => (ROLES.includes(value as Role) ? (value as Role) : "annotator");

/**
 * Resolves the caller from request headers: a bearer API token first
 * (trainers), else the better-auth session cookie. Null when anonymous.
 */
export async function getActor(headers: Headers): Promise<Actor | null> {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (bearer) return actorFromApiToken({ ctx: { db: getDb() }, token: bearer.trim() });
  const session = await getAuth().api.getSession({ headers });
  if (!session) return null;
  const { user } = session;
  if ((user as { disabledAt?: unknown }).disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: asRole((user as { role?: unknown }).role), via: "session" };
}
