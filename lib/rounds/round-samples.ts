import "server-only";
import type { Ctx } from "@/lib/context";
import { benchmarkTrajectoryIds } from "@/lib/eval";
import { loadPolicyItems } from "@/lib/training/export/load-policy-items";

/**
 * The instructions a round works on: the snapshot's (accepted or in review)
 * instructions, in id order, never a benchmark's or the test split's, at most
 * `limit`, so every step of every round sees the same samples.
 */
export async function roundSamples({ ctx, snapshotId, limit }: { ctx: Ctx; snapshotId: string; limit: number }) {
  const benchmark = await benchmarkTrajectoryIds(ctx);
  const items = await loadPolicyItems({ ctx, snapshotId, includeUnreviewed: true });
  return items.filter((i) => i.split !== "test" && !benchmark.has(i.trajectoryId)).slice(0, limit);
}
