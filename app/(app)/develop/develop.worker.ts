/// <reference lib="webworker" />
// The develop engine in a Web Worker: the same lib/develop code the server runs. Only the newest
// render request is served (requests that arrive during a render supersede each other), in two
// steps: a reduced-size draft as soon as the params change, then the full-size preview when the
// request is settled or input has paused (see RenderMode). Each step is one task, so a newer
// request can replace the rest of an older one between them.
import { renderImage } from "@/lib/develop/render";
import { loadBlob, sourceUrl } from "./preview-fetch";
import { downscale, draftFactor, frameChecksum, type Pixels } from "./preview-pixels";
import { FULL_AFTER_IDLE_MS, type FromWorker, type PreviewSize, type ToWorker } from "./preview-protocol";

type Request = Extract<ToWorker, { type: "render" }> & { receivedAt: number; retried?: boolean };

/** A failed render is tried once more after this pause (a passing allocation failure under memory pressure). */
const RETRY_AFTER_MS = 250;

let generation = -1;
let exact: Pixels | null = null;
/** The downscaled source of drafts: from the exact source, or the approximate one until it arrives. */
let draftSource: Pixels | null = null;
/** Size of the full preview (known from either source). */
let full: { width: number; height: number } | null = null;
let latest: Request | null = null;
/** Params (as JSON) of the last draft, so a release after a drag goes straight to the full render. */
let draftedKey: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * While the lossy source of a new photo decodes and its first draft renders, the lossless decode
 * waits for that (at most {@link EXACT_WAIT_MS}): on two cores the two decodes, the draft and the
 * page's hydration would otherwise share them and the first pixels would come later.
 */
let firstDraft: { promise: Promise<void>; settle: () => void } | null = null;
const EXACT_WAIT_MS = 1_000;

/** When the steps to the first photo's first full frame happened (see the `marks` message); posted once. */
let marks: Record<string, number> | null = {};
const mark = (step: string) => void (marks && (marks[step] ??= performance.timeOrigin + performance.now()));
mark("eval");

function post(message: FromWorker, transfer: Transferable[] = []) {
  (self as unknown as Worker).postMessage(message, transfer);
}

function schedule(delay = 0) {
  clearTimeout(timer);
  timer = setTimeout(step, delay); // a task boundary: queued messages are handled first
}

/** A decode still unfinished after this long is abandoned and started again, once, then reported. */
const DECODE_TIMEOUT_MS = 10_000;

class DecodeStalled extends Error {
  constructor() {
    super(`decoding took over ${DECODE_TIMEOUT_MS / 1000} s`);
  }
}

/** {@link decode}, tried a second time when the first stalls, so a stuck decode cannot leave the page at its draft. */
async function decodeOrTimeOut(
  blob: Blob,
  factorOf: (width: number, height: number) => number,
  wanted: () => boolean = () => true,
): ReturnType<typeof decode> {
  for (let attempt = 1; ; attempt++) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DecodeStalled()), DECODE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([decode(blob, factorOf, wanted), stalled]);
    } catch (e) {
      if (attempt >= 2 || !(e instanceof DecodeStalled)) throw e;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Decodes a photo at `1/factor` of its size (the canvas scales it: quick, but only good enough for
 * drafts) or, with factor 1, at full size with exact codes; null when no longer `wanted` once the
 * image is decoded (the pixels are then not read out).
 */
async function decode(
  blob: Blob,
  factorOf: (width: number, height: number) => number,
  wanted: () => boolean,
): Promise<{ pixels: Pixels; full: { width: number; height: number } } | null> {
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: "none", premultiplyAlpha: "none" });
  if (!wanted()) {
    bitmap.close();
    return null;
  }
  const full = { width: bitmap.width, height: bitmap.height };
  const factor = factorOf(full.width, full.height);
  const width = Math.ceil(full.width / factor);
  const height = Math.ceil(full.height / factor);
  const ctx = new OffscreenCanvas(width, height).getContext("2d", { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = "medium";
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { pixels: { width, height, data: ctx.getImageData(0, 0, width, height).data }, full };
}

/**
 * Output buffers and canvases kept from one frame to the next, one per frame size (a draft and the
 * full preview): fresh memory of that size costs tens of milliseconds of page faults on a busy
 * machine, more than a draft's whole render.
 */
const outputs = new Map<number, Uint8Array<ArrayBuffer>>();
const canvases = new Map<string, OffscreenCanvasRenderingContext2D>();

function outputFor(length: number): Uint8Array<ArrayBuffer> {
  let out = outputs.get(length);
  if (!out) outputs.set(length, (out = new Uint8Array(length)));
  return out;
}

function render(source: Pixels, params: Request["params"]) {
  const started = performance.now();
  // Read out into a bitmap (toBitmap) before the next render writes over it.
  const out = outputFor(source.data.length);
  const { report } = renderImage({
    image: { ...source, data: new Uint8Array(source.data.buffer, source.data.byteOffset, source.data.length), channels: 4 },
    params,
    options: { out },
  });
  const data = new Uint8ClampedArray(out.buffer);
  return {
    data,
    width: source.width,
    height: source.height,
    ms: performance.now() - started,
    checksum: frameChecksum(data),
    notRendered: report.notRendered,
  };
}

/**
 * The frame's pixels as an ImageBitmap, made here so the page only has to draw it: a bitmap of
 * opaque pixels holds the exact bytes (no colour conversion, and premultiplying by alpha 255 is
 * lossless), while putImageData of a full preview on the page would block its main thread.
 */
function toBitmap(out: { data: Uint8ClampedArray; width: number; height: number }): ImageBitmap {
  const size = `${out.width}x${out.height}`;
  let ctx = canvases.get(size);
  if (!ctx) canvases.set(size, (ctx = new OffscreenCanvas(out.width, out.height).getContext("2d")!));
  ctx.putImageData(new ImageData(out.data as Uint8ClampedArray<ArrayBuffer>, out.width, out.height), 0, 0);
  return ctx.canvas.transferToImageBitmap();
}

type Frame = Extract<FromWorker, { type: "frame" }>;

/**
 * The canvas over the viewer the page handed over before it hydrated (early-canvas), until the
 * first frame: drawn there, it shows without waiting for the page's busy main thread.
 */
let earlyCanvas: OffscreenCanvas | null = null;
let framePosted = false;

/** Draws the frame on the early canvas, and says when it is on screen (the next animation frame). */
function drawEarly(canvas: OffscreenCanvas, frame: Frame) {
  canvas.width = frame.bitmap.width;
  canvas.height = frame.bitmap.height;
  canvas.getContext("2d")!.drawImage(frame.bitmap, 0, 0);
  const { id, draft, checksum, ms } = frame;
  const renderedWidth = frame.bitmap.width;
  const shown = () => post({ type: "early-shown", at: performance.timeOrigin + performance.now(), id, draft, checksum, renderedWidth, ms });
  if (typeof requestAnimationFrame === "function") requestAnimationFrame(shown);
  else setTimeout(shown, 16);
}

/** Sends a frame to the page (its bitmap transferred), drawn on the early canvas first if it is the first. */
function postFrame(frame: Frame) {
  if (earlyCanvas) {
    drawEarly(earlyCanvas, frame);
    frame.drawnEarly = true;
    earlyCanvas = null;
  }
  framePosted = true;
  post(frame, [frame.bitmap]);
}

/** A frame of `out` for `request`: `size`, the full preview's (a draft's bitmap is smaller). */
function frameOf(request: Request, out: ReturnType<typeof render>, size: { width: number; height: number }, draft: boolean): Frame {
  const common = {
    type: "frame" as const,
    id: request.id,
    ...size,
    bitmap: toBitmap(out),
    ms: out.ms,
    checksum: out.checksum,
    notRendered: out.notRendered,
  };
  return draft ? { ...common, draft: true } : { ...common, draft: false };
}

function renderDraft(request: Request) {
  postFrame(frameOf(request, render(draftSource!, request.params), full!, true));
  mark("draft-posted");
  firstDraft?.settle();
}

function step() {
  const request = latest;
  if (!request || !full) return;
  try {
    const key = JSON.stringify(request.params);
    const drafts = draftSource !== null && draftSource !== exact;
    if (drafts && key !== draftedKey) {
      renderDraft(request);
      draftedKey = key;
      return schedule();
    }
    if (!exact) return; // the full render waits for the lossless source
    const idle = performance.now() - request.receivedAt;
    if (drafts && request.mode === "interactive" && idle < FULL_AFTER_IDLE_MS) return schedule(FULL_AFTER_IDLE_MS - idle);
    latest = null;
    const out = render(exact, request.params);
    postFrame(frameOf(request, out, out, false));
    if (marks) post({ type: "marks", marks: { ...marks, "full-posted": performance.timeOrigin + performance.now() } });
    marks = null;
  } catch (e) {
    if (!request.retried && (latest === null || latest === request)) {
      latest = { ...request, retried: true };
      return schedule(RETRY_AFTER_MS);
    }
    if (latest === request) latest = null;
    post({ type: "error", id: request.id, message: (e as Error).message });
  }
}

function waitForFirstDraft(): { promise: Promise<void>; settle: () => void } {
  let settle!: () => void;
  const promise = new Promise<void>((resolve) => (settle = resolve)); // the executor runs at once
  setTimeout(settle, EXACT_WAIT_MS);
  return { promise, settle };
}

/** A photo's encoded preview: `exact` (lossless) or `approx` (lossy, drafts only; smaller than `size`, the preview's, when that is given). */
type Source = { kind: "exact" | "approx"; generation: number; blob: Blob; size?: PreviewSize };

async function addSource(message: Source) {
  if (message.generation > generation) {
    generation = message.generation;
    exact = draftSource = full = null;
    outputs.clear(); // sized for the previous photo
    canvases.clear();
    draftedKey = null;
    firstDraft?.settle();
    firstDraft = null;
  }
  if (message.kind === "exact") {
    await firstDraft?.promise;
    if (message.generation !== generation) return;
    const decoded = await decodeOrTimeOut(message.blob, () => 1);
    if (message.generation !== generation || !decoded) return; // another photo was picked meanwhile
    exact = decoded.pixels;
    mark("exact-decoded");
    full = decoded.full;
    const factor = draftFactor(full.width, full.height);
    schedule(); // runs after this task: the synchronous downscale below still comes first
    if (factor === 1) draftSource = exact;
    // Drafts come from the exact pixels, area-averaged: now if there is no draft source yet (the
    // first pixels then come from a draft), else after the full render due now.
    else if (!draftSource) draftSource = downscale(exact, factor);
    else setTimeout(() => exact === decoded.pixels && (draftSource = downscale(exact, factor)), 0);
    return;
  }
  if (exact) return;
  const wait = (firstDraft ??= waitForFirstDraft());
  try {
    // Not read out once the lossless source is in (it makes the drafts from then on).
    const decoded = await decodeOrTimeOut(message.blob, draftFactor, () => message.generation === generation && !exact);
    if (!decoded || message.generation !== generation || exact) return;
    draftSource = decoded.pixels;
    mark("approx-decoded");
    full = message.size ?? decoded.full;
    schedule();
  } finally {
    // No draft can come from this source without pixels or a render request: let the lossless one go.
    if (!draftSource || draftSource === exact || latest === null) wait.settle();
  }
}

/** The newest photo asked for: downloads of older ones stop. */
let requested = -1;

/**
 * Downloads a photo's lossless preview and a lossy source for its first drafts, and adds each as it
 * arrives; only a failure of the lossless one is reported. The lossy source is the thumbnail when
 * the preview's size is known: it decodes in a few milliseconds where the 1600 px preview takes
 * ~100 (measured in this worker on two cores), so the first frame (a draft, scaled up) comes that
 * much sooner.
 */
function openPhoto({ generation: photo, image, size }: Extract<ToWorker, { type: "photo" }>) {
  requested = Math.max(requested, photo);
  const wanted = () => photo === requested;
  mark("photo");
  const add = (kind: Source["kind"]) => (blob: Blob) => (
    mark(`${kind}-fetched`),
    wanted() ? addSource({ kind, generation: photo, blob, size }) : undefined
  );
  const fail = (what: string) => (e: Error) =>
    wanted() &&
    post({ type: "error", id: latest?.id ?? 0, message: `Could not ${what} the photo: ${e.message}`, source: { generation: photo } });
  // The lossy source only speeds up the first draft: without it, drafts wait for the exact one.
  loadBlob(sourceUrl(image, size ? "thumbnail" : "preview"), wanted, 1)
    .then(add("approx"), () => {})
    .catch(() => {});
  loadBlob(sourceUrl(image, "preview-png"), wanted).then(add("exact"), fail("load")).catch(fail("decode"));
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === "photo") return openPhoto(message);
  if (message.type === "early-canvas") return void (framePosted || (earlyCanvas = message.canvas));
  latest = { ...message, receivedAt: performance.now() };
  schedule();
};
