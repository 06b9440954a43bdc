import "server-only";
import { auditLog } from "@/db/schema";
import type { Ctx } from "@/lib/context";

/** Appends one audit entry attributed to the context's actor. */
export async function recordAudit({
  ctx,
  action,
  subjectType,
  subjectId,
  data,
}: {
  ctx: Ctx;
  action: string;
  subjectType?: string;
  subjectId?: string;
  data?: Record<string, unknown>;
}) {
  await ctx.db.insert(auditLog).values({ actorId: ctx.actor?.id ?? null, action, subjectType, subjectId, data });
}
