// GET /api/v1/training-runs — runs with status, log tail and latest metrics; POST — create and queue one
import { enqueue } from "@/lib/queue";
import { route } from "@/lib/http/route";
import { createTrainingRun, listTrainingRuns } from "@/lib/training/runs";

export const GET = route(async ({ ctx }) => ({ runs: await listTrainingRuns({ ctx }) }));

export const POST = route(async ({ req, ctx }) => {
  const run = await createTrainingRun({ ctx, input: (await req.json().catch(() => ({}))) as never });
  await enqueue("advance-training-run", { runId: run.id, tick: 0 });
  return Response.json({ id: run.id, submissionId: run.submissionId, status: run.status }, { status: 201 });
});
