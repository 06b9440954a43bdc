// GET /api/v1/rounds — every round with accuracy, policy score, runs, exports, models; POST — start the next round
import { route } from "@/lib/http/route";
import { listRounds, startRound } from "@/lib/rounds";

export const GET = route(async ({ ctx }) => ({ rounds: await listRounds({ ctx }) }));

export const POST = route(async ({ req, ctx }) => {
  const body = (await req.json().catch(() => ({}))) as never;
  const round = await startRound({ ctx, input: body });
  return Response.json({ id: round.id, number: round.number }, { status: 201 });
});
