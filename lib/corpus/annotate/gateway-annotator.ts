import "server-only";
import { eq } from "drizzle-orm";
import { inferenceCalls } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { annotate } from "@/lib/inference";
import type { Annotator } from "./annotator-port";

/**
 * The annotator role through the model gateway (`lib/inference`): the active
 * annotator model (the built-in heuristic when none is configured), its
 * versioned prompt, and a logged call. The preview JPEGs are sent as bytes,
 * so the model sees exactly the pair the pipeline prepared. A failed call
 * throws UNAVAILABLE, which the job retries.
 */
export function gatewayAnnotator(ctx: Ctx): Annotator {
  return async ({ params, before, after }) => {
    const result = await annotate({ ctx, input: { source: { bytes: before.jpeg }, target: { bytes: after.jpeg }, params } });
    if (!result.ok) throw new AppError("UNAVAILABLE", `Annotator ${result.model.name} failed (${result.status}): ${result.error}`);
    // The call log knows which prompt version produced this answer.
    const [call] = await ctx.db
      .select({ promptVersion: inferenceCalls.promptVersion })
      .from(inferenceCalls)
      .where(eq(inferenceCalls.id, result.callId))
      .limit(1);
    return { ...result.output, model: result.model, promptVersion: call?.promptVersion ?? "unknown" };
  };
}
