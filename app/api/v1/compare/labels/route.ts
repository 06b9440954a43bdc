// POST /api/v1/compare/labels — record the caller's verdict on a pair (A/B as shown to them)
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { submitLabel } from "@/lib/preference";

export const POST = route(async ({ req, ctx }) => {
  const body = await req.json().catch(() => {
    throw new AppError("VALIDATION", "The body must be JSON");
  });
  return submitLabel({ ctx, input: body });
});
