import { editStrength } from "./edit-strength";
import type { FilterInput, FilterReason } from "./types";

/** Below this many visible steps in total an edit has no intention a person could state. */
export const MIN_EDIT_STRENGTH = 0.3;

/** Rejects edits too small to have a clear intention. */
export function editTooSmall({ params }: FilterInput, min = MIN_EDIT_STRENGTH): FilterReason | null {
  const { total } = editStrength(params);
  if (total >= min) return null;
  return {
    filter: "edit-too-small",
    reason: `edit too small to have a clear intention (strength ${total.toFixed(2)} < ${min} visible steps)`,
  };
}
