/**
 * The viewer's geometry, pure so it is unit tested. A view is a zoom
 * (multiple of "fit") and the image point (0..1, 0..1) at the viewport's
 * centre; every pane renders the same view, which is what keeps them synced.
 */
export type View = { zoom: number; cx: number; cy: number };
export type Size = { w: number; h: number };

export const FIT: View = { zoom: 1, cx: 0.5, cy: 0.5 };
export const MIN_ZOOM = 1;
export const MAX_ZOOM = 32;

/** Scale that fits the whole image in the viewport. */
export const fitScale = (img: Size, port: Size) => (img.w > 0 && img.h > 0 ? Math.min(port.w / img.w, port.h / img.h) : 1);

/** Where the image lands: its displayed size and top-left corner in viewport pixels. */
export function layout(view: View, img: Size, port: Size) {
  const s = fitScale(img, port) * view.zoom;
  const w = img.w * s;
  const h = img.h * s;
  return { w, h, left: port.w / 2 - view.cx * w, top: port.h / 2 - view.cy * h, scale: s };
}

/** Keeps the zoom in range and the image covering the viewport (or centred when smaller). */
export function clampView(view: View, img: Size, port: Size): View {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom));
  const { w, h } = layout({ ...view, zoom }, img, port);
  const clampAxis = (c: number, shown: number, room: number) => {
    if (shown <= room) return 0.5;
    const half = room / 2 / shown;
    return Math.min(1 - half, Math.max(half, c));
  };
  return { zoom, cx: clampAxis(view.cx, w, port.w), cy: clampAxis(view.cy, h, port.h) };
}

/** Zooms by `factor` keeping the image point under viewport point (px, py) fixed. */
export function zoomAt(view: View, factor: number, px: number, py: number, img: Size, port: Size): View {
  const before = layout(view, img, port);
  const ix = (px - before.left) / before.w;
  const iy = (py - before.top) / before.h;
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
  const after = layout({ ...view, zoom }, img, port);
  const left = px - ix * after.w;
  const top = py - iy * after.h;
  return clampView({ zoom, cx: (port.w / 2 - left) / after.w, cy: (port.h / 2 - top) / after.h }, img, port);
}

/** Moves the image by (dx, dy) viewport pixels. */
export function panBy(view: View, dx: number, dy: number, img: Size, port: Size): View {
  const { w, h } = layout(view, img, port);
  return clampView({ ...view, cx: view.cx - dx / w, cy: view.cy - dy / h }, img, port);
}

/** The zoom at which one image pixel covers one device pixel (the honest "1:1"). */
export const oneToOneZoom = (img: Size, port: Size, devicePixelRatio = 1) => 1 / (fitScale(img, port) * devicePixelRatio);
