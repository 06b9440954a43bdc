// Worker-thread body of the metrics pool: scores one pair per message and hands its
// pixel buffers back with the result, for the pool to copy the next pair into.
import { parentPort } from "node:worker_threads";
import { computeEvalMetrics } from "./eval-metrics";
import type { RawImage } from "./raw-image";

parentPort?.on("message", ({ id, edited, reference }: { id: number; edited: RawImage; reference: RawImage }) => {
  const buffers = [edited.data.buffer as ArrayBuffer, reference.data.buffer as ArrayBuffer];
  try {
    parentPort?.postMessage({ id, metrics: computeEvalMetrics({ edited, reference }), buffers }, buffers);
  } catch (e) {
    parentPort?.postMessage({ id, error: (e as Error).message, buffers }, buffers);
  }
});

// Messages sent before this module finished loading would be lost: say when it is listening.
parentPort?.postMessage({ ready: true });
