// Worker of the develop bench's 2-thread figure: renders rows [start, end) of a shared image into a
// shared output with the same global edit (each worker bakes its own tables and tone regions).
import { parentPort } from "node:worker_threads";
import type { DevelopParams } from "../../lib/develop/params";
import { renderImage } from "../../lib/develop/render";

type Job = { src: SharedArrayBuffer; dst: SharedArrayBuffer; width: number; height: number; params: DevelopParams; rows: [number, number] };

parentPort!.on("message", (job: Job) => {
  const image = { data: new Uint8Array(job.src), width: job.width, height: job.height, channels: 3 as const };
  renderImage({ image, params: job.params, options: { out: new Uint8Array(job.dst), rows: job.rows } });
  parentPort!.postMessage("done");
});
