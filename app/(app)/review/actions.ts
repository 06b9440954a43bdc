"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { resolveDispute, setReviewSettings } from "@/lib/review";

/** Reviewer: the final decision on a disagreement; the verb validates and checks the role. */
export async function resolveDisputeAction(input: Record<string, unknown>) {
  // The verb zod-parses the input; the type here is only what the form sends.
  const result = await runAction((ctx) => resolveDispute({ ctx, input: input as never }));
  if (result.ok) revalidatePath("/review/disputes");
  return result;
}

/** Researcher: overlap and priorities of the review queue. */
export async function setReviewSettingsAction(input: Parameters<typeof setReviewSettings>[0]["input"]) {
  const result = await runAction((ctx) => setReviewSettings({ ctx, input }));
  if (result.ok) revalidatePath("/review/stats");
  return result;
}
