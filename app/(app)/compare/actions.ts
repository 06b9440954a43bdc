"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { getFixStart, nextComparePair, requestPairs, retryJudging, retryPerturbing, saveFix, submitLabel } from "@/lib/preference";
import { renewLease } from "@/lib/review/queue";

/** The compare workspace's actions; the verbs validate input and check roles. */
export const nextPairAction = async (input: { exclude: string[] }) => runAction((ctx) => nextComparePair({ ctx, input }));
export const submitLabelAction = async (input: {
  pairId: string;
  choice: string;
  strength?: string | null;
  metrics?: string[];
  durationMs?: number;
}) => runAction((ctx) => submitLabel({ ctx, input: input as never }));
export const renewPairLeaseAction = async (input: { pairId: string }) =>
  runAction(async (ctx) => {
    const r = await renewLease({ ctx, input: { kind: "compare", itemId: input?.pairId } });
    return { expiresAt: r.expiresAt.toISOString() };
  });
export const fixStartAction = async (input: { candidateId: string }) => runAction((ctx) => getFixStart({ ctx, input }));
export async function saveFixAction(input: { candidateId: string; params: Record<string, unknown> }) {
  const r = await runAction(async (ctx) => {
    const { candidate, pair } = await saveFix({ ctx, input });
    return { candidateId: candidate.id, pairId: pair.id };
  });
  if (r.ok) revalidatePath("/compare/researcher");
  return r;
}
export async function requestPairsAction(input: { source: "perturber" | "policy"; round: number; n?: number }) {
  const r = await runAction((ctx) => requestPairs({ ctx, input }));
  if (r.ok) revalidatePath("/compare/researcher");
  return r;
}
export async function retryJudgingAction() {
  const r = await runAction((ctx) => retryJudging({ ctx, input: {} }));
  if (r.ok) revalidatePath("/compare/researcher");
  return r;
}
export async function retryPerturbingAction() {
  const r = await runAction((ctx) => retryPerturbing({ ctx, input: {} }));
  if (r.ok) revalidatePath("/compare/researcher");
  return r;
}
