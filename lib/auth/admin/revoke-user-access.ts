import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiTokens, sessions } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { requireRole } from "../actor";
import { recordAudit } from "../record-audit";

export const revokeUserAccessInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("session"), id: z.string().min(1).max(100) }),
  z.object({ kind: z.literal("token"), id: z.uuid("not a token id") }),
]);

/** Ends one session (deleted: the next request with it is anonymous) or revokes one API token. */
export async function revokeUserAccess({ ctx, input }: { ctx: Ctx; input: z.input<typeof revokeUserAccessInput> }) {
  requireRole(ctx.actor, ["admin"]);
  const target = parseInput(revokeUserAccessInput, input);
  const [row] =
    target.kind === "session"
      ? await ctx.db.delete(sessions).where(eq(sessions.id, target.id)).returning({ userId: sessions.userId })
      : await ctx.db
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, target.id), isNull(apiTokens.revokedAt)))
          .returning({ userId: apiTokens.userId });
  if (!row) throw new AppError("NOT_FOUND", `No active ${target.kind} ${target.id}`);
  await recordAudit({ ctx, action: `user.revoke-${target.kind}`, subjectType: "user", subjectId: row.userId, data: { id: target.id } });
  return { revoked: target.kind, id: target.id };
}
