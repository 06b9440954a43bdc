// Worker of the develop bench's thread figures. It never loads sharp: sharp's native addon turns
// off a V8 fast path for typed arrays in the isolate that loads it (a detached-buffer check on
// every access, ~12 % slower), and the engine's own runtimes (the browser preview's Web Worker, a
// render worker thread) do not load it either. Messages:
// - "time": render the whole image `warmup` times untimed, then `runs` times (one thread), reply
//   with the timed runs (ms);
// - "whole": render the whole image once on this thread, reply with nothing (timed by the caller);
// - "prepare": the bake or the tone regions of the render (prepareGlobalRender), to share: every
//   typed array in it is copied into a SharedArrayBuffer first, so posting it to the other
//   worker passes references (a structured clone of its 1.9 MB took ~6 ms at 12 MP);
// - "render": bands of `bandRows` rows of a shared image into a shared output, with the prepared
//   parts, claiming each band from a counter shared with the other worker (`claimed`, an Int32 of
//   bands handed out) until none is left; replies with how many bands it rendered.
import { parentPort } from "node:worker_threads";
import type { DevelopParams } from "../../lib/develop/params";
import { prepareGlobalRender, renderImage, type PreparedRender } from "../../lib/develop/render";

type Common = { src: SharedArrayBuffer; width: number; height: number; params: DevelopParams };
export type StripeJob =
  | (Common & { kind: "time"; runs: number; warmup: number })
  | (Common & { kind: "whole"; dst: SharedArrayBuffer })
  | (Common & { kind: "prepare"; part: "lut" | "regions" })
  | (Common & { kind: "render"; dst: SharedArrayBuffer; prepared: PreparedRender; claimed: SharedArrayBuffer; bandRows: number });

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
  } else if (job.kind === "whole") {
    renderImage({ image, params: job.params, options: { out: new Uint8Array(job.dst) } });
    parentPort!.postMessage("done");
  } else if (job.kind === "prepare") {
    parentPort!.postMessage(inSharedMemory(prepareGlobalRender({ part: job.part, image, params: job.params })));
  } else {
    const claimed = new Int32Array(job.claimed);
    let bands = 0;
    const nextBand = (): [number, number] | null => {
      const start = Atomics.add(claimed, 0, 1) * job.bandRows;
      if (start >= job.height) return null;
      bands++;
      return [start, Math.min(job.height, start + job.bandRows)];
    };
    renderImage({ image, params: job.params, options: { out: new Uint8Array(job.dst), rows: nextBand, prepared: job.prepared } });
    parentPort!.postMessage(bands);
  }
});

/** `value` with each typed array in it copied into a SharedArrayBuffer (plain objects and arrays walked). */
function inSharedMemory<T>(value: T): T {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const source = value as unknown as Uint8Array;
    const Typed = source.constructor as new (buffer: SharedArrayBuffer) => Uint8Array;
    const copy = new Typed(new SharedArrayBuffer(source.byteLength));
    copy.set(source);
    return copy as unknown as T;
  }
  if (Array.isArray(value)) return value.map(inSharedMemory) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inSharedMemory(v)])) as T;
  return value;
}
