// GET /api/v1/corpus/trajectories — the corpus browser's list: filters in the query string, keyset cursor
import { listTrajectories } from "@/lib/corpus";
import { route } from "@/lib/http/route";

export const GET = route(({ req, ctx }) => listTrajectories({ ctx, input: Object.fromEntries(new URL(req.url).searchParams) }));
