"use client";
import { Dialog } from "@/app/_components/ui/dialog";

/** The compare workspace's shortcuts (the `?` overlay). */
export const COMPARE_KEYS: [key: string, what: string][] = [
  ["A", "A is better"],
  ["B", "B is better"],
  ["T", "Tie"],
  ["X", "Both bad"],
  ["S", "Strength: none → slightly → clearly"],
  ["1–5", "Toggle a reason box"],
  ["V", "Viewer: side by side → wipe A↔B → flicker"],
  ["N / Enter", "Next pair (after voting)"],
  ["F", "Fix it: adjust the better edit with the develop sliders (after voting)"],
  ["?", "Show / hide this help"],
  ["+ − 0 ← →", "Zoom and pan (click the photo first); [ ] move the wipe"],
];

export function KeyboardHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="compare-help">
        {COMPARE_KEYS.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-700">{k}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
