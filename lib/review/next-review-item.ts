import "server-only";
import { z } from "zod";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { getReviewItem } from "./get-review-item";
import { claimNext } from "./queue";

export const nextReviewItemInput = z.object({ exclude: z.array(z.uuid()).max(50).default([]) });

/** "Next item": the actor's held item or a newly leased one, with everything the view shows; null when the queue is empty for them. */
export async function nextReviewItem({ ctx, input }: { ctx: Ctx; input: z.input<typeof nextReviewItemInput> }) {
  const { exclude } = parseInput(nextReviewItemInput, input);
  const lease = await claimNext({ ctx, input: { kind: "review", exclude } });
  if (!lease) return { item: null };
  return { item: await getReviewItem({ ctx, input: { trajectoryId: lease.itemId } }) };
}
