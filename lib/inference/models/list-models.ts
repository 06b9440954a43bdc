import "server-only";
import { asc } from "drizzle-orm";
import { models } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { toPublicModel, type PublicModel } from "./public-model";

/** Every configured model, by role then name (admins). */
export async function listModels({ ctx }: { ctx: Ctx }): Promise<PublicModel[]> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const rows = await ctx.db.select().from(models).orderBy(asc(models.role), asc(models.name));
  return rows.map(toPublicModel);
}
