// GET /api/v1/exports — list exports; POST /api/v1/exports — create one (researcher session or token)
import { route } from "@/lib/http/route";
import { createExport, listExports } from "@/lib/training/export";

export const GET = route(async ({ ctx }) => ({ exports: await listExports({ ctx }) }));

export const POST = route(async ({ req, ctx }) => {
  const body = (await req.json().catch(() => null)) as unknown;
  const { export: row, created } = await createExport({ ctx, input: body as never });
  return Response.json({ id: row.id, hash: row.hash, format: row.format, counts: row.counts, created }, { status: created ? 201 : 200 });
});
