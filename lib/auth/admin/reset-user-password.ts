import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { accounts, sessions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { requireRole } from "../actor";
import { getAuth } from "../auth";
import { recordAudit } from "../record-audit";
import { targetUserOrThrow, userIdSchema } from "./target-user";

export const resetUserPasswordInput = z.object({ userId: userIdSchema });

/**
 * Replaces a user's password with a random one-time password, ends their
 * sessions, and returns the password once (it is never stored in clear,
 * logged or audited); the admin hands it over and the user signs in with it.
 */
export async function resetUserPassword({ ctx, input }: { ctx: Ctx; input: z.input<typeof resetUserPasswordInput> }) {
  requireRole(ctx.actor, ["admin"]);
  const { userId } = parseInput(resetUserPasswordInput, input);
  const user = await targetUserOrThrow(ctx, userId);
  const password = randomBytes(12).toString("base64url");
  const hash = await (await getAuth().$context).password.hash(password);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")))
      .returning({ id: accounts.id });
    if (updated.length === 0)
      await tx.insert(accounts).values({ id: crypto.randomUUID(), providerId: "credential", accountId: userId, userId, password: hash });
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
  await recordAudit({ ctx, action: "user.reset-password", subjectType: "user", subjectId: userId, data: { email: user.email } });
  return { id: userId, email: user.email, password };
}
