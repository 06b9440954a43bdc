import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { models } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError, validationError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { assertPromptExists } from "./create-model";
import { invalidateModelCache } from "./get-active-model";
import { modelFields, modelIssues } from "./model-input";
import { toPublicModel, type PublicModel } from "./public-model";
import { encryptSecret } from "./secrets";

export const updateModelInput = modelFields.partial().extend({ id: z.string().uuid() });

/**
 * Edits a model. `apiKey`: omitted keeps the stored key, "" removes it, any
 * other value replaces it (encrypted). Activation is {@link setModelActive}.
 */
export async function updateModel({ ctx, input }: { ctx: Ctx; input: z.input<typeof updateModelInput> }): Promise<PublicModel> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const { id, apiKey, ...changes } = parseInput(updateModelInput, input);
  const row = await ctx.db
    .transaction(async (tx) => {
      const [current] = await tx.select().from(models).where(eq(models.id, id)).for("update");
      if (!current) throw new AppError("NOT_FOUND", `No model ${id}`);
      const next = { ...current, ...changes };
      const issues = modelIssues(next);
      if (issues.length) throw validationError(issues);
      assertPromptExists(next.role, next.promptVersion);
      const secret = apiKey === undefined ? {} : { apiKeyEncrypted: apiKey === "" ? null : encryptSecret(apiKey) };
      const [updated] = await tx
        .update(models)
        .set({ ...changes, ...secret, updatedAt: new Date() })
        .where(eq(models.id, id))
        .returning();
      const changed = [...Object.keys(changes), ...(apiKey === undefined ? [] : ["apiKey"])];
      await recordAudit({ ctx: { ...ctx, db: tx }, action: "model.update", subjectType: "model", subjectId: id, data: { changed } });
      return updated;
    })
    .catch((e: unknown) => {
      if ((e as { code?: string }).code === "23505")
        throw new AppError("CONFLICT", "Another model already has that name, or the role already has an active model");
      throw e;
    });
  invalidateModelCache();
  return toPublicModel(row);
}
