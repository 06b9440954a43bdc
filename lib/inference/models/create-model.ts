import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { models } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/record-audit";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { listPromptVersions } from "../prompts/load-prompt";
import { invalidateModelCache } from "./get-active-model";
import { checkModel, modelFields } from "./model-input";
import { toPublicModel, type PublicModel } from "./public-model";
import { encryptSecret } from "./secrets";

export const createModelInput = modelFields.extend({ active: z.boolean().default(false) }).superRefine(checkModel);

/** Adds a model (inactive unless `active`; activating deactivates the role's current model). */
export async function createModel({ ctx, input }: { ctx: Ctx; input: z.input<typeof createModelInput> }): Promise<PublicModel> {
  if (!ctx.system) requireRole(ctx.actor, ["admin"]);
  const { apiKey, active, ...fields } = parseInput(createModelInput, input);
  assertPromptExists(fields.role, fields.promptVersion ?? "v1");
  const row = await ctx.db
    .transaction(async (tx) => {
      if (active) await tx.update(models).set({ active: false }).where(roleActive(fields.role));
      const values = { ...fields, active, createdBy: ctx.actor?.id ?? null, ...(apiKey ? { apiKeyEncrypted: encryptSecret(apiKey) } : {}) };
      const [created] = await tx.insert(models).values(values).onConflictDoNothing({ target: models.name }).returning();
      if (!created) throw new AppError("CONFLICT", `A model named "${fields.name}" already exists`);
      await recordAudit({
        ctx: { ...ctx, db: tx },
        action: "model.create",
        subjectType: "model",
        subjectId: created.id,
        data: { name: created.name, role: created.role, backend: created.backend, active },
      });
      return created;
    })
    .catch((e: unknown) => {
      // Two admins activating a model for the same role at once: the partial unique index decides.
      if ((e as { code?: string }).code === "23505")
        throw new AppError("CONFLICT", `The ${fields.role} role already has an active model; try again`);
      throw e;
    });
  invalidateModelCache();
  return toPublicModel(row);
}

/** Refuses a prompt version that has no template file for the role. */
export function assertPromptExists(role: (typeof models.$inferSelect)["role"], version: string) {
  const versions = listPromptVersions(role);
  if (!versions.includes(version))
    throw new AppError("VALIDATION", `No prompt ${role}/${version}; available: ${versions.join(", ") || "none"}`);
}

/** The active row of a role. */
export const roleActive = (role: (typeof models.$inferSelect)["role"]) => and(eq(models.role, role), eq(models.active, true));
