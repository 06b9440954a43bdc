"use client";
/**
 * The one image viewer: corpus detail, review, compare, evaluation and Develop use it.
 *
 * ```tsx
 * <ImageViewer panes={[{ src: beforeUrl, label: "Before" }, { src: afterUrl, label: "After" }]} mode="wipe" />
 * ```
 * - `panes`: 1–4 images of the same photo, shown with their `label` (say the truth:
 *   "After (engine render)", "Model A" — never a guess). Wipe and flicker compare
 *   the first two panes. A pane is an image URL (`src`) or a live canvas (`canvas`: a
 *   ref to a canvas the page draws into, e.g. Develop's preview; the viewer copies it
 *   whenever `version` changes, or at once when the page calls the listeners it gave
 *   `onDraw`, so the page keeps drawing where it always did; `placeholder`: an image URL
 *   shown fitted in the pane until the page first calls those listeners, e.g. a server render
 *   that arrives before the page's own first frame).
 * - `mode`: initial mode, "side" (default; panes side by side, stacked on a phone),
 *   "wipe" (one frame, a divider: the first pane on its left, the second on its
 *   right; drag on the photo or use the slider) or "flicker" (one pane at a time).
 * - `height`: viewport height in px (default 480); `narrowHeight`: the height on phone-narrow
 *   screens (below 640 px), set by CSS, so the server's HTML already has it (default `height`).
 * - `initialWipe`: where the wipe divider starts, % of the first pane shown (default 50).
 * Zoom and pan are shared by all panes: wheel or + − to zoom, drag or arrows to pan,
 * 0 to fit, 1 for 1:1 (one image pixel per device pixel); in wipe mode drag moves
 * the divider (Shift+drag pans), [ ] nudge it; F or Space flips in flicker mode.
 * Keys work while the viewer has focus, so pages can keep their own shortcuts.
 */
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type PointerEvent,
  type WheelEvent,
} from "react";
import { cn } from "../ui/cn";
import { MirrorCanvas, type CanvasSource } from "./mirror-canvas";
import { FIT, clampView, layout, oneToOneZoom, panBy, zoomAt, type Size, type View } from "./view-math";

export type { CanvasSource } from "./mirror-canvas";

export type ImageViewerPane = { label: string } & ({ src: string } | CanvasSource);
export type ImageViewerMode = "side" | "wipe" | "flicker";
export type ImageViewerProps = {
  panes: ImageViewerPane[];
  mode?: ImageViewerMode;
  height?: number;
  narrowHeight?: number;
  initialWipe?: number;
  className?: string;
};

const ZOOM_STEP = 1.25;
const PAN_STEP = 60;

export function ImageViewer({
  panes,
  mode: initialMode = "side",
  height = 480,
  narrowHeight = height,
  initialWipe = 50,
  className,
}: ImageViewerProps) {
  const comparable = panes.length >= 2;
  const [mode, setMode] = useState<ImageViewerMode>(comparable ? initialMode : "side");
  const [view, setView] = useState<View>(FIT);
  const [img, setImg] = useState<Size>({ w: 0, h: 0 });
  const [port, setPort] = useState<Size>({ w: 0, h: height });
  const [wipe, setWipe] = useState(initialWipe);
  const [shown, setShown] = useState(0);
  const [autoFlicker, setAutoFlicker] = useState(false);
  const portRef = useRef<HTMLDivElement | null>(null);
  const drag = useRef<{ x: number; y: number; pan: boolean } | null>(null);
  // React's wheel listener is passive; this one stops the page scrolling while zooming.
  const stopScroll = useCallback((node: HTMLDivElement | null) => {
    if (!node) return;
    const stop = (e: Event) => e.preventDefault();
    node.addEventListener("wheel", stop, { passive: false });
    return () => node.removeEventListener("wheel", stop);
  }, []);

  // Measure the first viewport; every pane shares its size.
  const measure = useCallback((node: HTMLDivElement | null) => {
    portRef.current = node;
    if (!node) return;
    const update = () => setPort({ w: node.clientWidth, h: node.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(node);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (mode !== "flicker" || !autoFlicker) return;
    const id = setInterval(() => setShown((s) => (s === 0 ? 1 : 0)), 600);
    return () => clearInterval(id);
  }, [mode, autoFlicker]);

  // An image can finish loading before hydration, so its onLoad never fires: read it on mount too.
  const sizeFrom = useCallback((node: HTMLImageElement | null) => {
    if (node?.complete && node.naturalWidth > 0) setImg({ w: node.naturalWidth, h: node.naturalHeight });
  }, []);
  const sizeFromCanvas = useCallback((size: Size) => setImg((s) => (s.w === size.w && s.h === size.h ? s : size)), []);
  const apply = (next: (v: View) => View) => setView((v) => next(v));
  const wipeAt = (clientX: number) => {
    const rect = portRef.current?.getBoundingClientRect();
    if (rect && rect.width > 0) setWipe(Math.round(Math.min(100, Math.max(0, ((clientX - rect.left) / rect.width) * 100))));
  };

  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const factor = e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP;
    apply((v) => zoomAt(v, factor, e.clientX - rect.left, e.clientY - rect.top, img, port));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const pan = mode !== "wipe" || e.shiftKey;
    drag.current = { x: e.clientX, y: e.clientY, pan };
    if (!pan) wipeAt(e.clientX);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    if (!d.pan) return wipeAt(e.clientX);
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    drag.current = { ...d, x: e.clientX, y: e.clientY };
    apply((v) => panBy(v, dx, dy, img, port));
  };
  const endDrag = () => {
    drag.current = null;
  };

  const oneToOne = () => apply((v) => clampView({ ...v, zoom: oneToOneZoom(img, port, window.devicePixelRatio || 1) }, img, port));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const centre = (f: number) => apply((v) => zoomAt(v, f, port.w / 2, port.h / 2, img, port));
    const keys: Record<string, () => void> = {
      "+": () => centre(ZOOM_STEP),
      "=": () => centre(ZOOM_STEP),
      "-": () => centre(1 / ZOOM_STEP),
      "0": () => setView(FIT),
      "1": oneToOne,
      ArrowLeft: () => apply((v) => panBy(v, PAN_STEP, 0, img, port)),
      ArrowRight: () => apply((v) => panBy(v, -PAN_STEP, 0, img, port)),
      ArrowUp: () => apply((v) => panBy(v, 0, PAN_STEP, img, port)),
      ArrowDown: () => apply((v) => panBy(v, 0, -PAN_STEP, img, port)),
      "[": () => setWipe((w) => Math.max(0, w - 5)),
      "]": () => setWipe((w) => Math.min(100, w + 5)),
      f: () => setShown((s) => (s === 0 ? 1 : 0)),
      " ": () => setShown((s) => (s === 0 ? 1 : 0)),
    };
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const action = keys[e.key];
    if (!action || ((e.key === "f" || e.key === " ") && mode !== "flicker")) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  const box = layout(view, img, port);
  const scalePct = Math.round(box.scale * (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1) * 100);
  const imageStyle = {
    width: box.w,
    height: box.h,
    left: box.left,
    top: box.top,
    imageRendering: box.scale * (typeof window === "undefined" ? 1 : window.devicePixelRatio || 1) > 1 ? "pixelated" : "auto",
  } as const;
  const frameProps = {
    onWheel,
    onPointerDown,
    onPointerMove,
    onPointerUp: endDrag,
    onPointerCancel: endDrag,
    style: { "--viewer-height": `${height}px`, "--viewer-narrow-height": `${narrowHeight}px` } as CSSProperties,
    className: cn(
      "relative h-(--viewer-narrow-height) sm:h-(--viewer-height) max-h-[70vh] w-full min-w-0 touch-none sm:flex-1 select-none overflow-hidden rounded bg-zinc-900",
      mode === "wipe" ? "cursor-ew-resize" : "cursor-grab",
    ),
  };
  const picture = (pane: ImageViewerPane, i: number, extra?: CSSProperties) =>
    "canvas" in pane ? (
      <MirrorCanvas
        key={`${i}-canvas`}
        source={pane}
        label={pane.label}
        index={i}
        style={{ ...imageStyle, ...extra }}
        onSize={i === 0 ? sizeFromCanvas : undefined}
      />
    ) : (
      // eslint-disable-next-line @next/next/no-img-element -- authenticated API images, sized by the viewer
      <img
        key={`${i}-${pane.src}`}
        src={pane.src}
        alt={pane.label}
        draggable={false}
        data-pane={i}
        ref={i === 0 ? sizeFrom : undefined}
        onLoad={i === 0 ? (e) => sizeFrom(e.currentTarget) : undefined}
        className="pointer-events-none absolute max-w-none"
        style={{ ...imageStyle, ...extra }}
      />
    );
  const tag = (text: string, side: "left" | "right", testId?: string) => (
    <span
      data-testid={testId}
      data-viewer-label=""
      className={cn(
        "pointer-events-none absolute top-2 rounded bg-black/60 px-2 py-0.5 text-xs text-white",
        side === "left" ? "left-2" : "right-2",
      )}
    >
      {text}
    </span>
  );

  const [first, second] = panes;
  return (
    <div className={cn("space-y-2", className)} data-testid="image-viewer" data-mode={mode}>
      <div className="flex flex-wrap items-center gap-1 text-sm">
        {comparable && (
          <div role="group" aria-label="Viewer mode" className="flex gap-1">
            {(["side", "wipe", "flicker"] as const).map((m) => (
              <button
                key={m}
                type="button"
                aria-pressed={mode === m}
                onClick={() => setMode(m)}
                className={cn(
                  "rounded px-2 py-1",
                  mode === m ? "bg-zinc-800 text-white dark:bg-zinc-200 dark:text-zinc-900" : "bg-zinc-200 dark:bg-zinc-800",
                )}
              >
                {m === "side" ? "Side by side" : m === "wipe" ? "Wipe" : "Flicker"}
              </button>
            ))}
          </div>
        )}
        <span className="ml-auto flex items-center gap-1">
          <button
            type="button"
            className="rounded bg-zinc-200 px-2 py-1 dark:bg-zinc-800"
            aria-label="Zoom out"
            onClick={() => apply((v) => zoomAt(v, 1 / ZOOM_STEP, port.w / 2, port.h / 2, img, port))}
          >
            −
          </button>
          <button
            type="button"
            className="rounded bg-zinc-200 px-2 py-1 dark:bg-zinc-800"
            aria-label="Zoom in"
            onClick={() => apply((v) => zoomAt(v, ZOOM_STEP, port.w / 2, port.h / 2, img, port))}
          >
            +
          </button>
          <button type="button" className="rounded bg-zinc-200 px-2 py-1 dark:bg-zinc-800" onClick={() => setView(FIT)}>
            Fit
          </button>
          <button type="button" className="rounded bg-zinc-200 px-2 py-1 dark:bg-zinc-800" onClick={oneToOne}>
            1:1
          </button>
          <span className="w-14 text-right tabular-nums text-zinc-500" data-testid="viewer-zoom" title="Image pixels per device pixel">
            {scalePct}%
          </span>
        </span>
      </div>
      <div
        ref={stopScroll}
        tabIndex={0}
        role="group"
        aria-label="Image viewer: + and − zoom, arrows pan, 0 fits, 1 shows 1:1"
        onKeyDown={onKeyDown}
        className="flex flex-col gap-2 rounded outline-none focus-visible:ring-2 focus-visible:ring-sky-500 sm:flex-row"
      >
        {mode === "side" &&
          panes.map((pane, i) => (
            <div key={i} ref={i === 0 ? measure : undefined} {...frameProps} data-testid="viewer-pane">
              {picture(pane, i)}
              {tag(pane.label, "left")}
            </div>
          ))}
        {mode === "wipe" && first && second && (
          <div ref={measure} {...frameProps} data-testid="viewer-wipe">
            {picture(second, 1)}
            {picture(first, 0, { clipPath: `inset(0 ${100 - wipe}% 0 0)` })}
            <div className="pointer-events-none absolute inset-y-0 w-0.5 bg-white shadow" style={{ left: `${wipe}%` }} />
            {wipe > 0 && tag(first.label, "left", "wipe-left-label")}
            {wipe < 100 && tag(second.label, "right", "wipe-right-label")}
          </div>
        )}
        {mode === "flicker" && first && second && (
          <div ref={measure} {...frameProps} data-testid="viewer-flicker" data-shown={shown}>
            {picture(first, 0, { visibility: shown === 0 ? "visible" : "hidden" })}
            {picture(second, 1, { visibility: shown === 1 ? "visible" : "hidden" })}
            {tag((shown === 0 ? first : second).label, "left", "flicker-label")}
          </div>
        )}
      </div>
      {mode === "wipe" && first && second && (
        <label className="flex items-center gap-2 text-sm">
          <span className="shrink-0">all {second.label}</span>
          <input
            type="range"
            min={0}
            max={100}
            value={wipe}
            onChange={(e) => setWipe(Number(e.target.value))}
            aria-label={`Wipe: share of ${first.label} shown`}
            aria-valuetext={`${wipe}% ${first.label}, ${100 - wipe}% ${second.label}`}
            className="min-w-0 flex-1"
          />
          <span className="shrink-0">all {first.label}</span>
        </label>
      )}
      {mode === "flicker" && (
        <div className="flex items-center gap-3 text-sm">
          <button
            type="button"
            className="rounded bg-zinc-200 px-2 py-1 dark:bg-zinc-800"
            onClick={() => setShown((s) => (s === 0 ? 1 : 0))}
          >
            Flip (F)
          </button>
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={autoFlicker} onChange={(e) => setAutoFlicker(e.target.checked)} /> Flicker automatically
          </label>
        </div>
      )}
    </div>
  );
}
