"use client";
import { useState, type DragEvent, type ReactNode } from "react";
import { cn } from "./cn";

/** A dashed drop target that highlights while files are dragged over it. */
export function DropZone({ onDrop, testId, children }: { onDrop: (e: DragEvent) => void; testId: string; children: ReactNode }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onDrop(e);
      }}
      data-testid={testId}
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border-2 border-dashed p-10 text-center",
        dragging ? "border-brand bg-brand/5" : "border-zinc-300 dark:border-zinc-700",
      )}
    >
      {children}
    </div>
  );
}
