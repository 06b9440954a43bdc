import { FIT, layout } from "@/app/_components/image-viewer/view-math";
import type { FromWorker, PreviewFrame } from "./preview-protocol";
import { NARROW_SCREEN_QUERY } from "./narrow-screen";

type Frame = Extract<FromWorker, { type: "frame" }>;

/**
 * Shows a frame that arrives before the page has hydrated over the viewer's After pane, fitted the
 * way the viewer fits it: a canvas of its own appended to <body> (React leaves unknown nodes at
 * the end of <body> alone when it hydrates), removed once the page draws its first frame. Returns
 * the frame as logged (as the page logs its own), or null when the viewer is not laid out yet, or laid out otherwise than it
 * will be: on a phone the page gives the viewer its height only once it runs.
 */
export function drawBeforeHydration(frame: Frame): { logged: PreviewFrame; remove: () => void } | null {
  const started = performance.now();
  if (window.matchMedia(NARROW_SCREEN_QUERY).matches) return null;
  const pane = document.querySelector<HTMLCanvasElement>('[data-testid="image-viewer"] canvas[data-pane]');
  const port = pane?.parentElement?.getBoundingClientRect();
  if (!port || port.width === 0 || port.height === 0) return null;
  const box = layout(FIT, { w: frame.width, h: frame.height }, { w: port.width, h: port.height });
  const overlay = document.createElement("canvas");
  overlay.width = frame.bitmap.width;
  overlay.height = frame.bitmap.height;
  overlay.setAttribute("aria-hidden", "true");
  overlay.dataset.developEarlyFrame = "";
  Object.assign(overlay.style, {
    position: "absolute",
    left: `${port.left + window.scrollX + box.left}px`,
    top: `${port.top + window.scrollY + box.top}px`,
    width: `${box.w}px`,
    height: `${box.h}px`,
    pointerEvents: "none",
  });
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
