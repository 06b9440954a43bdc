// GET /api/v1/review/items/:id — one review item as its annotator sees it (blind)
import { getReviewItem } from "@/lib/review";
import { route } from "@/lib/http/route";

export const GET = route<{ id: string }>(({ ctx, params }) => getReviewItem({ ctx, input: { trajectoryId: params.id } }));
