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

/** Forgets which photo the canvas holds a frame of (a new photo was picked): its first draft is drawn again. */
export function forgetFrame(canvas: HTMLCanvasElement) {
  delete canvas.dataset.fullSize;
}

/**
 * Draws a reduced-size draft on the canvas only while it has no frame of this photo yet (scaled up
 * to the full size): the viewer draws every draft from its bitmap, and a canvas switched to the
 * draft's size and back reallocates twice per key press. The canvas keeps the last full frame
 * (what a remounted viewer pane and the tests read). The caller closes the bitmap.
 */
export function drawDraft(canvas: HTMLCanvasElement, frame: DraftFrame) {
  if (canvas.dataset.fullSize === `${frame.width}x${frame.height}`) return;
  showFullSize(canvas, frame.width, frame.height);
  canvas.getContext("2d")!.drawImage(frame.bitmap, 0, 0, frame.width, frame.height);
}

/** Draws a full-size frame: its bitmap unscaled, so the canvas holds the frame's exact bytes. The caller closes the bitmap. */
export function drawFull(canvas: HTMLCanvasElement, frame: FullFrame) {
  showFullSize(canvas, frame.width, frame.height);
  const ctx = canvas.getContext("2d")!;
  ctx.clearRect(0, 0, frame.width, frame.height);
  ctx.drawImage(frame.bitmap, 0, 0);
}
