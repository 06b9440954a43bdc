"use client";
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from "react";
import type { Size } from "./view-math";

/**
 * A canvas the page draws into: copied when `version` changes, and, where the page gives
 * `onDraw` (a stable function that registers a listener and returns its removal), by the
 * listener the page calls right after each draw with the image it drew, so the copy shows in
 * the same frame.
 */
export type CanvasSource = {
  canvas: { readonly current: HTMLCanvasElement | null };
  version?: unknown;
  onDraw?: (listener: (drawn: ImageBitmap) => void) => () => void;
  /** An image shown (fitted, as the viewer fits) until the first `onDraw` call; it is in the server's HTML, so it loads before the page's scripts run. */
  placeholder?: string;
};

/**
 * A copy of a page-owned canvas, positioned like an image pane. Copies on mount, whenever the
 * source's `version` changes and whenever its `onDraw` listener is called (a canvas-to-canvas
 * copy of the same size is exact). Its context is `desynchronized`: a full-size 2D canvas
 * otherwise costs Chromium ~35 ms of main-thread work at the first commit after each copy
 * (Canvas2DResourceProvider::ProduceCanvasResource), which delayed the next preview frame by as
 * much after a key press.
 */
export function MirrorCanvas({
  source,
  label,
  index,
  style,
  onSize,
}: {
  source: CanvasSource;
  label: string;
  index: number;
  style: CSSProperties;
  onSize?: (size: Size) => void;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { canvas, version, onDraw, placeholder } = source;
  const [placeholderShown, setPlaceholderShown] = useState(Boolean(placeholder));
  useLayoutEffect(() => copyCanvas(canvas.current, ref.current, onSize), [canvas, version, onSize]);
  useEffect(
    () =>
      onDraw?.((drawn) => {
        copyCanvas(drawn, ref.current, onSize);
        setPlaceholderShown(false);
      }),
    [onDraw, onSize],
  );
  return (
    <>
      <canvas ref={ref} role="img" aria-label={label} data-pane={index} className="pointer-events-none absolute max-w-none" style={style} />
      {placeholder && placeholderShown && (
        // eslint-disable-next-line @next/next/no-img-element -- an authenticated API render, fitted like the canvas (layout FIT: contain, centred)
        <img
          src={placeholder}
          alt="" // the pane's canvas carries the label
          draggable={false}
          fetchPriority="high"
          data-placeholder={index}
          // Element Timing: when its pixels were painted (bench:preview reads it).
          {...{ elementtiming: "viewer-placeholder" }}
          onError={() => setPlaceholderShown(false)}
          className="pointer-events-none absolute inset-0 h-full w-full object-contain"
        />
      )}
    </>
  );
}

function copyCanvas(from: HTMLCanvasElement | ImageBitmap | null, to: HTMLCanvasElement | null, onSize?: (size: Size) => void) {
  if (!from || !to || from.width === 0 || from.height === 0) return;
  if (to.width !== from.width || to.height !== from.height) {
    to.width = from.width;
    to.height = from.height;
  }
  to.getContext("2d", { desynchronized: true })!.drawImage(from, 0, 0);
  onSize?.({ w: from.width, h: from.height });
}
