// POST /api/v1/training-runs/:id/events — trainers push metrics, checkpoints and log lines (token scope `trainer`)
import { route } from "@/lib/http/route";
import { recordRunEvents } from "@/lib/training/runs";

export const POST = route<{ id: string }>(async ({ req, ctx, params }) => {
  const body = (await req.json().catch(() => null)) as { events?: unknown } | null;
  return recordRunEvents({ ctx, input: { runId: params.id, events: body?.events } });
});
