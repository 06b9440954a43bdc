import "server-only";
import { eq } from "drizzle-orm";
import { models } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { ModelConfig } from "../models/model-config";

/** A models row as the gateway's ModelConfig (to pin a round's own model rather than the active one). */
export async function loadModelConfig(ctx: Ctx, id: string): Promise<ModelConfig> {
  const [row] = await ctx.db.select().from(models).where(eq(models.id, id)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", `No model ${id}`);
  const { createdBy: _c, createdAt: _a, updatedAt: _u, ...config } = row;
  return config;
}
