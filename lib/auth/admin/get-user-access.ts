import "server-only";
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, sessions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { requireRole } from "../actor";
import { targetUserOrThrow, userIdSchema } from "./target-user";

export const getUserAccessInput = z.object({ userId: userIdSchema });

/** A user's live sessions and API tokens (never the secrets), for the admin page. */
export async function getUserAccess({ ctx, input }: { ctx: Ctx; input: z.input<typeof getUserAccessInput> }) {
  requireRole(ctx.actor, ["admin"]);
  const { userId } = parseInput(getUserAccessInput, input);
  await targetUserOrThrow(ctx, userId);
  const [sessionRows, tokenRows] = await Promise.all([
    ctx.db
      .select({
        id: sessions.id,
        createdAt: sessions.createdAt,
        expiresAt: sessions.expiresAt,
        ipAddress: sessions.ipAddress,
        userAgent: sessions.userAgent,
      })
      .from(sessions)
      .where(eq(sessions.userId, userId))
      .orderBy(desc(sessions.createdAt)),
    ctx.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .where(eq(apiTokens.userId, userId))
      .orderBy(desc(apiTokens.createdAt)),
  ]);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    sessions: sessionRows
      .filter((s) => s.expiresAt > new Date())
      .map((s) => ({ ...s, createdAt: iso(s.createdAt)!, expiresAt: iso(s.expiresAt)! })),
    tokens: tokenRows.map((t) => ({ ...t, createdAt: iso(t.createdAt)!, lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) })),
  };
}
