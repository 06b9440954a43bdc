// POST /api/v1/render — render an edit onto a stored image for trainers ({source_sha, edit, size})
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { renderForTrainer } from "@/lib/training/reward";

export const POST = route(async ({ req, ctx }) => {
  const body = (await req.json().catch(() => {
    throw new AppError("VALIDATION", "The body is not JSON");
  })) as unknown;
  return renderForTrainer({ ctx, input: body });
});
