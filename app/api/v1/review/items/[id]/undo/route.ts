// POST /api/v1/review/items/:id/undo — take back the caller's submission within a few seconds
import { undoReview } from "@/lib/review";
import { route } from "@/lib/http/route";
import { jsonBody } from "@/lib/http/json-body";

export const POST = route<{ id: string }>(async ({ req, ctx, params }) =>
  undoReview({ ctx, input: { ...(await jsonBody(req)), trajectoryId: params.id } as Parameters<typeof undoReview>[0]["input"] }),
);
