import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { sessions, users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { requireRole } from "../actor";
import { recordAudit } from "../record-audit";
import { targetUserOrThrow, userIdSchema } from "./target-user";

export const setUserDisabledInput = z.object({ userId: userIdSchema, disabled: z.boolean() });

/**
 * Disables a user (every session ends at once, sign-in and API tokens stop
 * working) or enables them again (they sign in anew; their tokens work again
 * unless revoked).
 */
export async function setUserDisabled({ ctx, input }: { ctx: Ctx; input: z.input<typeof setUserDisabledInput> }) {
  requireRole(ctx.actor, ["admin"]);
  const { userId, disabled } = parseInput(setUserDisabledInput, input);
  await targetUserOrThrow(ctx, userId, { notSelf: "disable" });
  const endedSessions = await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(users.id, userId));
    if (!disabled) return 0;
    return (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).length;
  });
  await recordAudit({
    ctx,
    action: disabled ? "user.disable" : "user.enable",
    subjectType: "user",
    subjectId: userId,
    data: { endedSessions },
  });
  return { id: userId, disabled, endedSessions };
}
