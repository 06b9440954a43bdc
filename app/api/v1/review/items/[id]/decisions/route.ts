// POST /api/v1/review/items/:id/decisions — submit the caller's decision on every variant of the item
import { submitReview } from "@/lib/review";
import { route } from "@/lib/http/route";
import { jsonBody } from "@/lib/http/json-body";

// The verb zod-parses the body; the type only says what it expects.
type ReviewInput = Parameters<typeof submitReview>[0]["input"];

export const POST = route<{ id: string }>(async ({ req, ctx, params }) =>
  submitReview({ ctx, input: { ...(await jsonBody(req)), trajectoryId: params.id } as ReviewInput }),
);
