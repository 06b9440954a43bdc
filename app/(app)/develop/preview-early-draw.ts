import { FIT, layout } from "@/app/_components/image-viewer/view-math";
import type { FromWorker, PreviewFrame, PreviewSize } from "./preview-protocol";

type Frame = Extract<FromWorker, { type: "frame" }>;

/** The frame the worker drew on the early canvas, as the page logs its own frames (t on this page's clock). */
export const earlyFrameLogged = (m: Extract<FromWorker, { type: "early-shown" }>): PreviewFrame => ({
  t: m.at - performance.timeOrigin,
  id: m.id,
  draft: m.draft,
  checksum: m.checksum,
  renderedWidth: m.renderedWidth,
  renderMs: m.ms,
  drawMs: 0,
});

/**
 * A canvas of its own over the viewer's After pane, placed where the viewer will fit a `size`
 * photo: appended to <body> (React leaves unknown nodes at the end of <body> alone when it
 * hydrates), removed once the page draws its first frame. Null when the viewer is not laid out
 * yet. Its size comes from CSS (the viewer's height on phones too), so the server's HTML lays it
 * out as the page will.
 */
function overlayOver(size: PreviewSize): HTMLCanvasElement | null {
  const pane = document.querySelector<HTMLCanvasElement>('[data-testid="image-viewer"] canvas[data-pane]');
  const frame = pane?.parentElement;
  const port = frame?.getBoundingClientRect();
  if (!frame || !port || port.width === 0 || port.height === 0) return null;
  const box = layout(FIT, { w: size.width, h: size.height }, { w: port.width, h: port.height });
  const overlay = document.createElement("canvas");
  overlay.setAttribute("aria-hidden", "true");
  overlay.dataset.developEarlyFrame = "";
  Object.assign(overlay.style, {
    position: "absolute",
    left: `${port.left + window.scrollX + box.left}px`,
    top: `${port.top + window.scrollY + box.top}px`,
    width: `${box.w}px`,
    height: `${box.h}px`,
    pointerEvents: "none",
    clipPath: clipAround(port.left + box.left, port.top + box.top, box.w, box.h, labelsIn(frame)),
  });
  return overlay;
}

const labelsIn = (frame: HTMLElement) =>
  [...frame.querySelectorAll<HTMLElement>("[data-viewer-label]")].map((label) => label.getBoundingClientRect());

/**
 * A clip path for an overlay at (left, top) of size w×h (page pixels, as the rects) that leaves
 * holes where the viewer's labels are, so the overlay does not hide them: they sit in the viewer's
 * own stacking context, below a canvas appended to <body>. "none" when no label overlaps.
 */
export function clipAround(
  left: number,
  top: number,
  w: number,
  h: number,
  labels: Pick<DOMRect, "left" | "top" | "right" | "bottom">[],
): string {
  const holes = labels
    .map((r) => ({
      x1: Math.max(0, r.left - left),
      y1: Math.max(0, r.top - top),
      x2: Math.min(w, r.right - left),
      y2: Math.min(h, r.bottom - top),
    }))
    .filter((r) => r.x2 > r.x1 && r.y2 > r.y1);
  if (!holes.length) return "none";
  const rect = (x1: number, y1: number, x2: number, y2: number) => `M${x1} ${y1}H${x2}V${y2}H${x1}Z`;
  return `path(evenodd, "${[rect(0, 0, w, h), ...holes.map((r) => rect(r.x1, r.y1, r.x2, r.y2))].join(" ")}")`;
}

/**
 * An overlay (see {@link overlayOver}) whose drawing is handed to the worker, which draws its first
 * draft there itself: the compositor shows what a worker draws on such a canvas without waiting
 * for the page's main thread, which the page's scripts and hydration keep busy for the first few
 * hundred milliseconds. Null where no overlay can be placed yet, or the browser cannot hand one over.
 */
export function earlyCanvasFor(size: PreviewSize): { overlay: HTMLCanvasElement; offscreen: OffscreenCanvas } | null {
  const overlay = overlayOver(size);
  if (!overlay || typeof overlay.transferControlToOffscreen !== "function") return null;
  const offscreen = overlay.transferControlToOffscreen();
  document.body.append(overlay);
  return { overlay, offscreen };
}

/**
 * Shows a frame that arrives before the page has hydrated over the viewer, drawn by the main
 * thread (where the worker could not be given a canvas of its own in time). Returns the frame as
 * logged (as the page logs its own), or null when no overlay can be placed.
 */
export function drawBeforeHydration(frame: Frame): { logged: PreviewFrame; remove: () => void } | null {
  const started = performance.now();
  const overlay = overlayOver(frame);
  if (!overlay) return null;
  overlay.width = frame.bitmap.width;
  overlay.height = frame.bitmap.height;
  overlay.getContext("2d")!.drawImage(frame.bitmap, 0, 0);
  document.body.append(overlay);
  const t = performance.now();
  performance.mark("develop-preview:early-draw");
  const renderedWidth = frame.bitmap.width;
  return {
    logged: { t, id: frame.id, draft: frame.draft, checksum: frame.checksum, renderedWidth, renderMs: frame.ms, drawMs: t - started },
    remove: () => overlay.remove(),
  };
}
