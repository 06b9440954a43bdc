import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Role } from "@/db/schema";
import type { Actor } from "./actor";
import { getActor } from "./get-actor";

/**
 * The caller of this server render, resolved once per request: the layout and
 * the page share one session lookup. Nothing outlives the request, so a
 * sign-out or a disabled user still counts from the very next request.
 */
export const currentActor = cache(async (): Promise<Actor | null> => getActor(await headers()));

/**
 * For server components: the signed-in actor, or a redirect to /login;
 * a signed-in user without one of `roles` is sent to /forbidden.
 */
export async function requirePageRole(roles?: readonly Role[], from = "/"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(from)}`);
  if (roles && actor.role !== "admin" && !roles.includes(actor.role)) redirect(`/forbidden?need=${roles.join(",")}`);
  return actor;
}
