"use client";
import { Dialog } from "@/app/_components/ui/dialog";

/** Every key of the review workspace; the `?` overlay lists them. */
export const SHORTCUTS: [string, string][] = [
  ["J / ↓, K / ↑", "Next / previous variant"],
  ["A", "Accept the variant (Shift+A: accept all)"],
  ["E", "Edit the variant's text (Esc leaves the text)"],
  ["R", "Reject the variant, then 1–5 for the reason"],
  ["G", "Edit the reasoning"],
  ["B", "Flag: the edit itself is bad"],
  ["Enter / Ctrl+Enter", "Submit and go to the next item (Ctrl+Enter works inside text too)"],
  ["U", "Undo the last submission (a few seconds)"],
  ["N / P", "Next / previous item"],
  ["S", "Skip this item (give it back)"],
  ["V", "Focus the images (+ − 0 1, arrows; then Tab away)"],
  ["?", "Show this list"],
];

export function ShortcutsOverlay({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <table className="w-full text-sm" data-testid="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys} className="border-b border-zinc-100 dark:border-zinc-800">
              <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap">{keys}</td>
              <td className="py-1">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose} className="mt-4 rounded bg-zinc-200 px-3 py-1 text-sm dark:bg-zinc-800">
        Close (Esc)
      </button>
    </Dialog>
  );
}
