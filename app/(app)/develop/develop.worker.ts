/// <reference lib="webworker" />
// The develop engine in a Web Worker: the same lib/develop code the server
// runs. Only the newest render request is served; requests that arrive while
// one renders supersede each other (cancellation by coalescing), so a moving
// slider never builds a backlog.
import { renderImage } from "@/lib/develop";
import type { FromWorker, ToWorker } from "./preview-protocol";

let source: { width: number; height: number; data: Uint8ClampedArray } | null = null;
let pending: Extract<ToWorker, { type: "render" }> | null = null;
let scheduled = false;

function post(message: FromWorker) {
  (self as unknown as Worker).postMessage(message, message.type === "rendered" ? [message.data.buffer] : []);
}

function renderLatest() {
  scheduled = false;
  const request = pending;
  pending = null;
  if (!request || !source) return;
  try {
    const started = performance.now();
    const { image, report } = renderImage({ image: { ...source, channels: 4 }, params: request.params });
    const data = new Uint8ClampedArray(image.data.buffer.slice(0));
    post({ type: "rendered", id: request.id, width: image.width, height: image.height, data, ms: performance.now() - started, notRendered: report.notRendered });
  } catch (e) {
    post({ type: "error", id: request.id, message: (e as Error).message });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "source") {
    source = { width: message.width, height: message.height, data: message.data };
    return;
  }
  pending = message; // drop any older request not yet started
  if (!scheduled) {
    scheduled = true;
    setTimeout(renderLatest, 0); // let newer messages in the queue replace this one first
  }
};
