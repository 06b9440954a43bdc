import "server-only";
import { asc, inArray } from "drizzle-orm";
import { models } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";

/** Policy and judge models a researcher may evaluate with (no secrets, no endpoints). */
export async function listModelChoices({ ctx }: { ctx: Ctx }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  return ctx.db
    .select({ id: models.id, name: models.name, role: models.role, backend: models.backend, active: models.active })
    .from(models)
    .where(inArray(models.role, ["policy", "judge"]))
    .orderBy(asc(models.role), asc(models.name));
}
