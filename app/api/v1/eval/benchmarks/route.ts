// GET /api/v1/eval/benchmarks — every benchmark; POST — import one from a manifest
// (JSON `{ name, kind, items }`, or JSON lines with ?name=&kind= and content-type application/x-ndjson)
import { importBenchmark, listBenchmarks, parseBenchmarkManifest } from "@/lib/eval";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

const MAX_BODY = 20 * 1024 * 1024;

export const GET = route(async ({ ctx }) => listBenchmarks({ ctx }));

export const POST = route(async ({ ctx, req }) => {
  const text = await req.text();
  if (text.length > MAX_BODY) throw new AppError("VALIDATION", "The manifest is larger than 20 MB");
  const url = new URL(req.url);
  let input: unknown;
  if ((req.headers.get("content-type") ?? "").includes("ndjson")) {
    input = { name: url.searchParams.get("name"), kind: url.searchParams.get("kind") ?? undefined, items: parseBenchmarkManifest(text) };
  } else {
    try {
      input = JSON.parse(text);
    } catch {
      throw new AppError("VALIDATION", "The body is not JSON");
    }
  }
  const { benchmark, created } = await importBenchmark({ ctx, input: input as never });
  return Response.json({ benchmark, created }, { status: created ? 201 : 200 });
});
