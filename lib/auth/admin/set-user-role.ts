import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { requireRole } from "../actor";
import { recordAudit } from "../record-audit";
import { targetUserOrThrow, userIdSchema } from "./target-user";

export const setUserRoleInput = z.object({ userId: userIdSchema, role: z.enum(ROLES) });

/** Changes a user's role; sessions read the role from the database on every request, so it applies at once. */
export async function setUserRole({ ctx, input }: { ctx: Ctx; input: z.input<typeof setUserRoleInput> }) {
  requireRole(ctx.actor, ["admin"]);
  const { userId, role } = parseInput(setUserRoleInput, input);
  const user = await targetUserOrThrow(ctx, userId, { notSelf: "change the role of" });
  if (user.role === role) return { id: user.id, role };
  await ctx.db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
  await recordAudit({ ctx, action: "user.role", subjectType: "user", subjectId: userId, data: { from: user.role, to: role } });
  return { id: user.id, role };
}
