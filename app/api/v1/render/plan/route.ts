// POST /api/v1/render/plan — the engine's baked render plan (tables + 3D LUT, spatial stages left) for a list of edits
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { bakeRenderPlans } from "@/lib/training";

export const POST = route(async ({ req, ctx }) => {
  const body = await req.json().catch(() => {
    throw new AppError("VALIDATION", "Send a JSON body: { edits: [{…params}], gridSize? }");
  });
  return bakeRenderPlans({ ctx, input: body });
});
