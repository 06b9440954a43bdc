"use server";
import { revalidatePath } from "next/cache";
import { createSnapshot, reannotateTrajectories, updateTrajectories } from "@/lib/corpus";
import { fieldOf, runAction } from "@/lib/http/action";

/**
 * Bulk actions of the corpus browser ({ action: "move-split" | "exclude" |
 * "include" | "reannotate", ids, split? }); the verbs check the role and
 * validate input.
 */
export async function bulkCorpusAction(input: unknown) {
  const result = await runAction<{ queued: number } | { updated: number }>((ctx) =>
    fieldOf(input, "action") === "reannotate"
      ? reannotateTrajectories({ ctx, input: input as never })
      : updateTrajectories({ ctx, input: input as never }),
  );
  if (result.ok) revalidatePath("/corpus");
  return result;
}

/** Freezes the current filter as an immutable snapshot ({ name, filter, excludeTest }). */
export async function createSnapshotAction(input: unknown) {
  const result = await runAction(async (ctx) => {
    const { snapshot, created } = await createSnapshot({ ctx, input: input as never });
    return { id: snapshot.id, hash: snapshot.hash, itemCount: snapshot.itemCount, created };
  });
  if (result.ok) revalidatePath("/corpus");
  return result;
}
