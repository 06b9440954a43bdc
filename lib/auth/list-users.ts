import "server-only";
import { asc } from "drizzle-orm";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { requireRole } from "./actor";

/** All users with their roles, for the admin page. */
export async function listUsers({ ctx }: { ctx: Ctx }) {
  requireRole(ctx.actor, ["admin"]);
  return ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(asc(users.createdAt));
}
