"use server";
import { saveEdit } from "@/lib/corpus";
import { runAction } from "@/lib/http/action";

/** Saves the Develop page's params as a new edit of the trajectory (the verb checks role and input). */
export async function saveEditAction(input: { trajectoryId: string; params: Record<string, unknown>; basedOn?: string }) {
  return runAction(async (ctx) => {
    const row = await saveEdit({ ctx, input });
    return { id: row.id, version: row.version };
  });
}
