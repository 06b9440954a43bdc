import "server-only";
import type { Ctx } from "@/lib/context";
import { runRole, type ModelConfig } from "@/lib/inference";
import { builtinHeuristic } from "@/lib/inference/models/model-config";
import { bootstrapMean } from "@/lib/eval/stats/bootstrap";
import { roundSamples } from "./round-samples";

/**
 * The policy's benchmark score for a round: the policy edits each round
 * sample and a FIXED judge (the built-in heuristic judge, labelled as such,
 * so rounds are comparable) gives each edit its overall score O (0–10);
 * the mean with a 95% bootstrap interval.
 */
export async function evaluatePolicy({
  ctx,
  snapshotId,
  limit,
  round,
  policy,
}: {
  ctx: Ctx;
  snapshotId: string;
  limit: number;
  round: number;
  policy: ModelConfig;
}) {
  const system = { ...ctx, system: true };
  const judge = builtinHeuristic("judge");
  const scores: number[] = [];
  for (const s of await roundSamples({ ctx, snapshotId, limit })) {
    const source = { sha256: s.source.sha256 };
    const edit = await runRole({ ctx: system, role: "policy", model: policy, input: { instruction: s.instruction, source, n: 1 } });
    if (!edit.ok) continue;
    const out = await runRole({
      ctx: system,
      role: "judge",
      model: judge,
      input: { instruction: s.instruction, source, output: { params: edit.output.samples[0].params } },
    });
    if (out.ok) scores.push(out.output.o);
  }
  return bootstrapMean(scores, { seed: 1000 + round });
}
