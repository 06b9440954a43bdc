import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import type { Actor } from "./actor";
import { getActor } from "./get-actor";

/**
 * For server components: the signed-in actor, or a redirect to /login;
 * a signed-in user without one of `roles` is sent to /forbidden.
 */
export async function requirePageRole(roles?: readonly Role[], from = "/"): Promise<Actor> {
  const actor = await getActor(await headers());
  if (!actor) redirect(`/login?next=${encodeURIComponent(from)}`);
  if (roles && actor.role !== "admin" && !roles.includes(actor.role)) redirect(`/forbidden?need=${roles.join(",")}`);
  return actor;
}
