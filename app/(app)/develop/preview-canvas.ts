import type { FromWorker } from "./preview-protocol";

type DraftFrame = Extract<FromWorker, { type: "frame"; draft: true }>;
type FullFrame = Extract<FromWorker, { type: "frame"; draft: false }>;

/** Gives the canvas the full preview's backing store and its natural CSS size. */
export function showFullSize(canvas: HTMLCanvasElement, width: number, height: number) {
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  canvas.style.width = canvas.style.height = "";
  canvas.dataset.fullSize = `${width}x${height}`;
}

/**
 * Draws a reduced-size draft. Once the photo's full-size canvas has been laid out, the canvas keeps
 * that CSS size and takes the draft's backing store (the browser scales it up when compositing, so
 * no full-size raster per frame); before that, the draft is scaled onto a full-size canvas. The
 * caller closes the bitmap.
 */
export function drawDraft(canvas: HTMLCanvasElement, frame: DraftFrame) {
  const { bitmap } = frame;
  if (canvas.dataset.fullSize !== `${frame.width}x${frame.height}`) {
    showFullSize(canvas, frame.width, frame.height);
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, frame.width, frame.height);
  } else {
    if (!canvas.style.width) {
      canvas.style.width = `${canvas.clientWidth}px`;
      canvas.style.height = `${canvas.clientHeight}px`;
    }
    if (canvas.width !== bitmap.width || canvas.height !== bitmap.height) {
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
    }
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0);
  }
}

/** Draws a full-size frame: its bitmap unscaled, so the canvas holds the frame's exact bytes. The caller closes the bitmap. */
export function drawFull(canvas: HTMLCanvasElement, frame: FullFrame) {
  showFullSize(canvas, frame.width, frame.height);
  const ctx = canvas.getContext("2d")!;
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.drawImage(frame.bitmap, 0, 0);
}
