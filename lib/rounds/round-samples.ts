import "server-only";
import type { Ctx } from "@/lib/context";
import { loadPolicyItems } from "@/lib/training/export/load-policy-items";

/**
 * The instructions a round works on: the snapshot's (accepted or in review)
 * instructions, in id order, at most `limit`, so every step of every round
 * sees the same samples.
 */
export async function roundSamples({ ctx, snapshotId, limit }: { ctx: Ctx; snapshotId: string; limit: number }) {
  return (await loadPolicyItems({ ctx, snapshotId, includeUnreviewed: true })).slice(0, limit);
}
