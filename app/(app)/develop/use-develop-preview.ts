"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { DevelopParams } from "@/lib/develop/params";
import { validSize, type BootedWorker } from "./preview-boot";
import { takeWorker } from "./preview-handoff";
import { drawDraft, drawFull, forgetFrame } from "./preview-canvas";
import { earlyFrameLogged } from "./preview-early-draw";
import type { FromWorker, PreviewFrame, PreviewSize, RenderMode, ToWorker } from "./preview-protocol";

export type PreviewStatus = {
  state: "loading" | "rendering" | "draft" | "done" | "error";
  id: number;
  ms?: number;
  message?: string;
  notRendered?: string[];
};

export type { PreviewFrame } from "./preview-protocol";

type Frame = Extract<FromWorker, { type: "frame" }>;
const FRAME_LOG_LIMIT = 5000;

/**
 * The live preview of the develop page: a Web Worker renders (drafts while a slider moves, the
 * full preview when it rests, see RenderMode) and this hook draws its newest frame on the canvas
 * once per animation frame. `render` sends the params to show; the newest call wins.
 */
export function useDevelopPreview({ image, size, params }: { image?: string; size?: PreviewSize; params: DevelopParams }) {
  const [status, setStatus] = useState<PreviewStatus>({ state: "loading", id: 0 });
  /**
   * Called with each frame's bitmap right after it is drawn on the canvas (the viewer's copy of
   * it, drawn from the bitmap: copying the canvas would make Chromium snapshot it first), before
   * the frame is logged.
   */
  const drawListeners = useRef(new Set<(bitmap: ImageBitmap) => void>());
  const onDraw = useCallback((listener: (bitmap: ImageBitmap) => void) => {
    drawListeners.current.add(listener);
    return () => void drawListeners.current.delete(listener);
  }, []);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const workerRef = useRef<Worker | null>(null);
  const requestId = useRef(0);
  const generation = useRef(0);
  const latestParams = useRef(params);
  /** Why the lossless source could not be loaded: no full render can come, so drafts must not hide it. */
  const sourceFailure = useRef<string | null>(null);
  const failSource = (message: string) => {
    sourceFailure.current = message;
    setStatus({ state: "error", id: requestId.current, message });
  };
  const latestSize = useRef(size);
  useEffect(() => {
    latestParams.current = params; // before the photo effect below, which renders the current params
    latestSize.current = size;
  }, [params, size]);

  /** The photo the booted worker was already given (generation 1, render request 1), until the page moves on from it. */
  const seeded = useRef<BootedWorker["seeded"]>(null);
  useEffect(() => {
    const { worker, early, seeded: seed, earlyFrame, removeEarlyFrame } = takeWorker();
    seeded.current = seed;
    if (seed) requestId.current = Math.max(requestId.current, 1);
    const log: PreviewFrame[] = earlyFrame ? [earlyFrame] : [];
    (window as unknown as { __developFrames?: PreviewFrame[] }).__developFrames = log;
    let drawn = { id: -1, draft: false };
    let failedRender = -1;
    let pending: Frame | null = null;
    let raf = 0;

    const draw = () => {
      raf = 0;
      const frame = pending;
      pending = null;
      const canvas = canvasRef.current;
      if (!frame) return;
      if (!canvas) return frame.bitmap.close();
      const started = performance.now();
      const renderedWidth = frame.draft ? frame.bitmap.width : frame.width;
      if (frame.draft) drawDraft(canvas, frame);
      else drawFull(canvas, frame);
      drawn = { id: frame.id, draft: frame.draft };
      for (const listener of drawListeners.current) listener(frame.bitmap);
      frame.bitmap.close();
      removeEarlyFrame(); // the viewer shows this one
      const t = performance.now(); // the copies on screen included
      log.push({ t, id: frame.id, draft: frame.draft, checksum: frame.checksum, renderedWidth, renderMs: frame.ms, drawMs: t - started });
      if (log.length > FRAME_LOG_LIMIT) log.splice(0, log.length - FRAME_LOG_LIMIT);
      const notRendered = frame.notRendered.map((n) => `${n.key}: ${n.reason}`);
      const settled = !frame.draft && frame.id === requestId.current;
      if (sourceFailure.current) setStatus({ state: "error", id: frame.id, message: sourceFailure.current });
      else if (frame.draft && frame.id <= failedRender)
        return; // a late draft must not hide why its full render failed
      else setStatus({ state: settled ? "done" : "draft", id: frame.id, ms: frame.ms, notRendered });
    };

    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === "early-shown") {
        // Drawn by the worker over the viewer before the page took it: logged in its place in time.
        log.push(earlyFrameLogged(msg));
        log.sort((a, b) => a.t - b.t);
        return;
      }
      if (msg.type === "marks") {
        for (const [step, at] of Object.entries(msg.marks))
          performance.mark(`develop-preview:worker-${step}`, { startTime: at - performance.timeOrigin });
        return;
      }
      if (msg.type === "error") {
        if (msg.source) {
          if (msg.source.generation >= generation.current) failSource(msg.message); // not an earlier photo's
        } else if (msg.id >= requestId.current) {
          failedRender = msg.id;
          setStatus({ state: "error", id: msg.id, message: msg.message });
        }
        return;
      }
      // Show any frame newer than the one on screen (a full frame also replaces its own draft).
      const newest = pending ?? drawn;
      if (msg.id < newest.id || (msg.id === newest.id && (msg.draft || !newest.draft))) {
        msg.bitmap.close();
        return;
      }
      pending?.bitmap.close();
      pending = msg;
      raf ||= requestAnimationFrame(draw);
    };
    workerRef.current = worker;
    for (const message of early.splice(0)) worker.onmessage(message);
    return () => {
      cancelAnimationFrame(raf);
      removeEarlyFrame();
      worker.terminate();
    };
  }, []);

  function render(next: DevelopParams, mode: RenderMode = "settled") {
    const id = ++requestId.current;
    setStatus((s) => (s.state === "loading" || s.state === "error" ? s : { ...s, state: "rendering", id }));
    workerRef.current?.postMessage({ type: "render", id, params: next, mode } satisfies ToWorker);
  }

  // A new photo: the worker downloads its lossy preview (quick, feeds the first draft) and its
  // lossless one (every full render), and reports an error of this generation if it cannot.
  useEffect(() => {
    const worker = workerRef.current;
    if (!image || !worker) return;
    const gen = ++generation.current;
    const seed = seeded.current;
    seeded.current = null;
    if (seed && gen === 1 && seed.image === image) {
      // Already on its way: the booted worker has the photo (or is downloading it) and render request 1.
      if (JSON.stringify(seed.params) !== JSON.stringify(latestParams.current)) render(latestParams.current);
      return;
    }
    sourceFailure.current = null;
    if (canvasRef.current) forgetFrame(canvasRef.current);
    setStatus((s) => ({ ...s, state: "loading" }));
    worker.postMessage({ type: "photo", generation: gen, image, size: validSize(latestSize.current) } satisfies ToWorker);
    render(latestParams.current); // only a new photo reloads the source; params are sent by `render`
  }, [image]);

  return { canvasRef, status, onDraw, render };
}
