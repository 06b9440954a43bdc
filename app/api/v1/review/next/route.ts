// POST /api/v1/review/next — lease the caller's next review item (or the one they hold) with its data
import { nextReviewItem } from "@/lib/review";
import { route } from "@/lib/http/route";
import { jsonBody } from "@/lib/http/json-body";

export const POST = route(async ({ req, ctx }) => nextReviewItem({ ctx, input: await jsonBody(req) }));
