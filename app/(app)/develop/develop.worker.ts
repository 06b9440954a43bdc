/// <reference lib="webworker" />
// The develop engine in a Web Worker: the same lib/develop code the server
// runs. Only the newest render request is served; requests that arrive while
// one renders supersede each other (cancellation by coalescing), so a moving
// slider never builds a backlog.
import { renderImage } from "@/lib/develop";
import type { FromWorker, ToWorker } from "./preview-protocol";

type Source = { width: number; height: number; data: Uint8ClampedArray };
let source: Source | null = null;
/** The source averaged over 2×2 blocks: a quarter of the pixels, for renders during a drag. */
let draftSource: Source | null = null;

function halve(src: Source): Source {
  const width = Math.max(1, src.width >> 1);
  const height = Math.max(1, src.height >> 1);
  const data = new Uint8ClampedArray(width * height * 4);
  const s = src.data;
  for (let y = 0; y < height; y++) {
    const r0 = Math.min(src.height - 1, 2 * y) * src.width;
    const r1 = Math.min(src.height - 1, 2 * y + 1) * src.width;
    for (let x = 0; x < width; x++) {
      const x0 = Math.min(src.width - 1, 2 * x);
      const x1 = Math.min(src.width - 1, 2 * x + 1);
      for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = (s[(r0 + x0) * 4 + c] + s[(r0 + x1) * 4 + c] + s[(r1 + x0) * 4 + c] + s[(r1 + x1) * 4 + c] + 2) >> 2;
    }
  }
  return { width, height, data };
}
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
    const draft = Boolean(request.draft);
    if (draft && !draftSource) draftSource = halve(source);
    const from = draft ? draftSource! : source;
    const { image, report } = renderImage({ image: { ...from, channels: 4 }, params: request.params });
    const data = new Uint8ClampedArray(image.data.buffer.slice(0));
    post({ type: "rendered", id: request.id, width: image.width, height: image.height, data, ms: performance.now() - started, notRendered: report.notRendered, draft });
  } catch (e) {
    post({ type: "error", id: request.id, message: (e as Error).message });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "source") {
    source = { width: message.width, height: message.height, data: message.data };
    draftSource = null;
    return;
  }
  pending = message; // drop any older request not yet started
  if (!scheduled) {
    scheduled = true;
    setTimeout(renderLatest, 0); // let newer messages in the queue replace this one first
  }
};
