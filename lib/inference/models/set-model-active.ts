import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { models } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { roleActive } from "./create-model";
import { invalidateModelCache } from "./get-active-model";
import { toPublicModel, type PublicModel } from "./public-model";

export const setModelActiveInput = z.object({ id: z.string().uuid(), active: z.boolean() });

/**
 * Makes a model the one its role uses (deactivating the previous one), or
 * deactivates it, after which the role falls back to the built-in heuristic.
 */
export async function setModelActive({ ctx, input }: { ctx: Ctx; input: z.input<typeof setModelActiveInput> }): Promise<PublicModel> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const { id, active } = parseInput(setModelActiveInput, input);
  const row = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(models).where(eq(models.id, id)).for("update");
    if (!current) throw new AppError("NOT_FOUND", `No model ${id}`);
    if (active) await tx.update(models).set({ active: false }).where(roleActive(current.role));
    const [updated] = await tx.update(models).set({ active, updatedAt: new Date() }).where(eq(models.id, id)).returning();
    await recordAudit({
      ctx: { ...ctx, db: tx },
      action: active ? "model.activate" : "model.deactivate",
      subjectType: "model",
      subjectId: id,
      data: { role: current.role },
    });
    return updated;
  });
  invalidateModelCache();
  return toPublicModel(row);
}
