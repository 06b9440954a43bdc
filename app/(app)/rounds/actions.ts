"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { startRound } from "@/lib/rounds";
import { createExport } from "@/lib/training/export";

/** Starts the next round (from the previous one, or from a snapshot for the first). */
export async function startRoundAction(input: { snapshotId?: string; samples?: number; trainer?: "compact" | "smoke" }) {
  const result = await runAction(async (ctx) => {
    const round = await startRound({
      ctx,
      input: {
        ...(input?.snapshotId ? { snapshotId: input.snapshotId } : {}),
        ...(input?.samples ? { samples: input.samples } : {}),
        ...(input?.trainer ? { trainer: input.trainer } : {}),
      },
    });
    return { id: round.id, number: round.number };
  });
  if (result.ok) revalidatePath("/rounds");
  return result;
}

/** Creates (or finds the identical) export of a snapshot. */
export async function createExportAction(input: { snapshotId: string; format: string; name: string }) {
  const result = await runAction(async (ctx) => {
    const { export: row, created } = await createExport({ ctx, input: { ...(input ?? {}), includeUnreviewed: true } as never });
    return { id: row.id, hash: row.hash, counts: row.counts, created };
  });
  if (result.ok) revalidatePath("/rounds");
  return result;
}
