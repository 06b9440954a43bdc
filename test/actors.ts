import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Inserts a user row with `role` and returns it as an Actor (no password; for verb tests). */
export async function makeActor(role: Role): Promise<Actor> {
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@test.local`;
  await getDb().insert(users).values({ id, email, name: role, role });
  return { id, email, name: role, role, via: "session" };
}
