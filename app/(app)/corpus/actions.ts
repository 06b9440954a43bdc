"use server";
import { revalidatePath } from "next/cache";
import { createSnapshot, reannotateTrajectories, updateTrajectories } from "@/lib/corpus";
import { runAction } from "@/lib/http/action";

/** Bulk actions of the corpus browser; the verbs validate input and check the role. */
export async function bulkCorpusAction(input: { action: "move-split" | "exclude" | "include" | "reannotate"; ids: string[]; split?: string }) {
  const result =
    input.action === "reannotate"
      ? await runAction((ctx) => reannotateTrajectories({ ctx, input: { ids: input.ids } }))
      : await runAction((ctx) => updateTrajectories({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/corpus");
  return result;
}

/** Freezes the current filter as an immutable snapshot. */
export async function createSnapshotAction(input: { name: string; filter: Record<string, string>; excludeTest: boolean }) {
  const result = await runAction(async (ctx) => {
    const { snapshot, created } = await createSnapshot({ ctx, input });
    return { id: snapshot.id, hash: snapshot.hash, itemCount: snapshot.itemCount, created };
  });
  if (result.ok) revalidatePath("/corpus");
  return result;
}
