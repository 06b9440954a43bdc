"use server";
import { revalidatePath } from "next/cache";
import { buildRetouchEvalBenchmark, importBenchmarkManifest, startEvalRun } from "@/lib/eval";
import { runAction } from "@/lib/http/action";

/** Starts an eval run of a policy on a benchmark; the verb validates input and checks the role. */
export async function startEvalRunAction(input: { benchmarkId: string; policyModelId: string | null; scorer: string; pqWording: string }) {
  const result = await runAction(async (ctx) => {
    const { run, queued } = await startEvalRun({ ctx, input: input as never });
    return { id: run.id, queued };
  });
  if (result.ok) revalidatePath("/evaluation");
  return result;
}

/** Builds a RetouchEval-style benchmark from the corpus test split. */
export async function buildRetouchEvalAction(input: { name: string; perSplit: number; seed: number }) {
  const result = await runAction(async (ctx) => {
    const { benchmark, created } = await buildRetouchEvalBenchmark({ ctx, input });
    return { id: benchmark.id, itemCount: benchmark.itemCount, created };
  });
  if (result.ok) revalidatePath("/evaluation");
  return result;
}

/** Imports a benchmark from a JSON-lines manifest (images uploaded first, referenced by sha256). */
export async function importBenchmarkAction(input: { name: string; kind: string; manifest: string }) {
  const result = await runAction(async (ctx) => {
    const { benchmark, created } = await importBenchmarkManifest({ ctx, input: input as never });
    return { id: benchmark.id, itemCount: benchmark.itemCount, created };
  });
  if (result.ok) revalidatePath("/evaluation");
  return result;
}
