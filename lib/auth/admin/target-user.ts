import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { users } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";

export const userIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w-]+$/, "not a user id");

/** The user an admin acts on, or NOT_FOUND; `notSelf` refuses acting on one's own account (no admin locks themselves out). */
export async function targetUserOrThrow(ctx: Ctx, userId: string, { notSelf }: { notSelf?: string } = {}) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user) throw new AppError("NOT_FOUND", `No user ${userId}`);
  if (notSelf && ctx.actor?.id === user.id) throw new AppError("CONFLICT", `You cannot ${notSelf} your own account; ask another admin`);
  return user;
}
