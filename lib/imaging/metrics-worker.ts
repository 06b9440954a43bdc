// Worker-thread body of the metrics pool: scores one pair per message.
import { parentPort } from "node:worker_threads";
import { computeEvalMetrics } from "./eval-metrics";
import type { RawImage } from "./raw-image";

parentPort?.on("message", ({ id, edited, reference }: { id: number; edited: RawImage; reference: RawImage }) => {
  try {
    parentPort?.postMessage({ id, metrics: computeEvalMetrics({ edited, reference }) });
  } catch (e) {
    parentPort?.postMessage({ id, error: (e as Error).message });
  }
});

// Messages sent before this module finished loading would be lost: say when it is listening.
parentPort?.postMessage({ ready: true });
