import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { workSlots } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { parseInput } from "@/lib/parse-input";
import { workKind } from "./schemas";

export const setPriorityInput = z.object({
  kind: workKind,
  itemIds: z.array(z.uuid()).min(1).max(200_000),
  priority: z.number().int().min(-1_000).max(1_000),
});

/** Researcher: items with a higher priority are handed out first. */
export async function setPriority({ ctx, input }: { ctx: Ctx; input: z.input<typeof setPriorityInput> }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { kind, itemIds, priority } = parseInput(setPriorityInput, input);
  const rows = await ctx.db
    .update(workSlots)
    .set({ priority })
    .where(and(eq(workSlots.kind, kind), inArray(workSlots.itemId, itemIds)))
    .returning({ itemId: workSlots.itemId });
  return { updated: new Set(rows.map((r) => r.itemId)).size };
}
