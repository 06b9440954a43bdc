// POST /api/v1/rewards/policy:batch — score policy rollouts [{sample_id, response}] (token with the `reward` scope)
import { requireScope } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { scorePolicyBatch } from "@/lib/training/reward";

export const maxDuration = 300;

export const POST = route<{ action: string }>(async ({ req, ctx, params }) => {
  requireScope(ctx.actor, "reward"); // before anything else, so an unknown action says nothing to strangers
  if (decodeURIComponent(params.action) !== "policy:batch") throw new AppError("NOT_FOUND", "Unknown reward action; use policy:batch");
  const body = (await req.json().catch(() => {
    throw new AppError("VALIDATION", "The body is not JSON");
  })) as unknown;
  return scorePolicyBatch({ ctx, input: body });
});
