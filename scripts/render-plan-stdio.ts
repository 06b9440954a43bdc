// The develop engine over stdin/stdout for the compact trainer (training/compact/plan.py) when it
// runs beside a checkout instead of against a server's POST /api/v1/render/plan. One JSON request
// per line, one JSON answer per line:
//   {"op":"plan","edits":[{…params}],"gridSize":25}          → {"plans":[BakedPlanJson + issues]}
//   {"op":"render","image":{"width","height","data":b64 RGB},"params":{…},"gridSize":25}
//                                                            → {"data": b64 RGB, "spatial": [...]}
// The second is the engine's own LUT render, used by the parity test of the PyTorch renderer.
import { createInterface } from "node:readline";
import { bakeEditPlanJson, bakePlan, normalizeParams, renderImage } from "@/lib/develop";

type Request =
  | { op: "plan"; edits: Record<string, unknown>[]; gridSize?: number }
  | { op: "render"; image: { width: number; height: number; data: string }; params: Record<string, unknown>; gridSize?: number };

function answer(req: Request): unknown {
  if (req.op === "plan") {
    return { plans: req.edits.map((edit) => bakeEditPlanJson({ edit, size: req.gridSize ?? 25 })) };
  }
  if (req.op === "render") {
    const data = new Uint8Array(Buffer.from(req.image.data, "base64"));
    const { params } = normalizeParams(req.params);
    const out = renderImage({
      image: { data, width: req.image.width, height: req.image.height, channels: 3 },
      params,
      options: { gridSize: req.gridSize ?? 25 },
    });
    return { data: Buffer.from(out.image.data).toString("base64"), spatial: bakePlan({ params, size: 3 }).spatial };
  }
  return { error: `unknown op ${String((req as { op?: unknown }).op)}` };
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (!line.trim()) return;
  let out: unknown;
  try {
    out = answer(JSON.parse(line) as Request);
  } catch (e) {
    out = { error: (e as Error).message };
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
});
