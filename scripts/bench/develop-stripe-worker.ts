// Worker of the develop bench's thread figures. It never loads sharp: sharp's native addon turns
// off a V8 fast path for typed arrays in the isolate that loads it (a detached-buffer check on
// every access, ~12 % slower), and the engine's own runtimes (the browser preview's Web Worker, a
// render worker thread) do not load it either. Messages:
// - "time": render the whole image `warmup` times untimed, then `runs` times (one thread), reply
//   with the timed runs (ms);
// - "prepare": the bake or the tone regions of the render (prepareGlobalRender), to share;
// - "render": rows [start, end) of a shared image into a shared output, with the prepared parts.
import { parentPort } from "node:worker_threads";
import type { DevelopParams } from "../../lib/develop/params";
import { prepareGlobalRender, renderImage, type PreparedRender } from "../../lib/develop/render";

type Common = { src: SharedArrayBuffer; width: number; height: number; params: DevelopParams };
export type StripeJob =
  | (Common & { kind: "time"; runs: number; warmup: number })
  | (Common & { kind: "prepare"; part: "lut" | "regions" })
  | (Common & { kind: "render"; dst: SharedArrayBuffer; rows: [number, number]; prepared: PreparedRender });

parentPort!.on("message", (job: StripeJob) => {
  const image = { data: new Uint8Array(job.src), width: job.width, height: job.height, channels: 3 as const };
  if (job.kind === "time") {
    const out = new Uint8Array(job.src.byteLength);
    const times: number[] = [];
    for (let i = 0; i < job.warmup + job.runs; i++) {
      const t = performance.now();
      renderImage({ image, params: job.params, options: { out } });
      if (i >= job.warmup) times.push(performance.now() - t);
    }
    parentPort!.postMessage(times);
  } else if (job.kind === "prepare") {
    parentPort!.postMessage(prepareGlobalRender({ part: job.part, image, params: job.params }));
  } else {
    renderImage({ image, params: job.params, options: { out: new Uint8Array(job.dst), rows: job.rows, prepared: job.prepared } });
    parentPort!.postMessage("done");
  }
});
