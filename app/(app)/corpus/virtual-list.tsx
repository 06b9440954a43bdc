"use client";
import { useRef, useState, type ReactNode } from "react";

/**
 * Minimal windowing: renders only the rows in view (plus `overscan`) inside
 * a fixed-height scroller, with spacers keeping the scrollbar honest, so a
 * list of tens of thousands of loaded rows stays as cheap as a page.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  height,
  overscan = 8,
  onNearEnd,
  renderRow,
  label,
  id,
}: {
  items: T[];
  rowHeight: number;
  height: number;
  overscan?: number;
  /** Called when the viewport gets within a screen of the last row (load the next page). */
  onNearEnd?: () => void;
  renderRow: (item: T, index: number) => ReactNode;
  label: string;
  /** For a skip link's target. */
  id?: string;
}) {
  const [scrollTop, setScrollTop] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return (
    <div
      ref={ref}
      id={id}
      role="rowgroup"
      aria-label={label}
      tabIndex={0}
      className="overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      style={{ height }}
      onScroll={(e) => {
        const top = e.currentTarget.scrollTop;
        setScrollTop(top);
        if (onNearEnd && top + 2 * height >= items.length * rowHeight) onNearEnd();
      }}
    >
      <div style={{ height: first * rowHeight }} />
      {items.slice(first, last).map((item, i) => (
        <div key={first + i} style={{ height: rowHeight }}>
          {renderRow(item, first + i)}
        </div>
      ))}
      <div style={{ height: (items.length - last) * rowHeight }} />
    </div>
  );
}
