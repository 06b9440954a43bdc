import { createHash } from "node:crypto";
import type { Split } from "@/db/schema/trajectories";

/** Share of each split; the rest is `train`. @default val 0.05, test 0.05 */
export type SplitRatios = { val: number; test: number };
export const DEFAULT_SPLIT_RATIOS: SplitRatios = { val: 0.05, test: 0.05 };

/**
 * Deterministic split from a hash of the *source image*, not of the edit:
 * every edit of one photo lands in the same split, so a benchmark drawn
 * from `test` never shares a photo with training data.
 */
export function assignSplit(sourceSha: string, ratios: SplitRatios = DEFAULT_SPLIT_RATIOS): Split {
  const digest = createHash("sha256").update(`split|${sourceSha}`).digest();
  const u = digest.readUInt32BE(0) / 2 ** 32;
  if (u < ratios.test) return "test";
  if (u < ratios.test + ratios.val) return "val";
  return "train";
}
