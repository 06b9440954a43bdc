import { contradictsDeltas } from "./contradicts-deltas";
import { editTooSmall } from "./edit-too-small";
import { reasoningMismatch } from "./reasoning-mismatch";
import type { AnnotationFilter, FilterInput, FilterReason } from "./types";

/** The rule filters, in the order their reasons are listed. */
export const RULE_FILTERS: readonly AnnotationFilter[] = [editTooSmall, contradictsDeltas, reasoningMismatch];

/**
 * Runs every rule filter (not just until the first one fires, so a reviewer
 * sees all reasons), then the optional second-model consistency check.
 * An empty list means the annotation goes to the review queue.
 */
export async function runFilters(
  input: FilterInput,
  { consistencyCheck }: { consistencyCheck?: (input: FilterInput) => Promise<FilterReason | null> } = {},
): Promise<FilterReason[]> {
  const reasons = RULE_FILTERS.map((f) => f(input)).filter((r): r is FilterReason => r !== null);
  if (consistencyCheck) {
    const second = await consistencyCheck(input);
    if (second) reasons.push(second);
  }
  return reasons;
}
