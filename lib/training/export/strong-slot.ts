import { createHash } from "node:crypto";

/**
 * Which slot (A or B) shows the strong edit for a pair. Random across pairs
 * (so a position-biased reward model cannot win), but derived from the pair id
 * and a seed, so the same export twice gives byte-identical files.
 */
export function strongSlot(pairId: string, seed: string): "A" | "B" {
  return createHash("sha256").update(`${seed}:${pairId}`).digest()[0] & 1 ? "B" : "A";
}
