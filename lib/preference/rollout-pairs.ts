import "server-only";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { proposeEdit } from "@/lib/inference";
import { parseInput } from "@/lib/parse-input";
import { ensureStrongCandidate } from "./ensure-strong-candidate";
import { loadInstruction } from "./load-instruction";
import { pairIfWeaker } from "./pair-if-weaker";
import { renderCandidate } from "./render-candidate";
import { gatewayWeakCheck, type WeakChecker } from "./weak-check";
import type { GenerateResult } from "./generate-perturbed-pairs";

export const rolloutPairsInput = z.object({
  instructionId: z.uuid(),
  n: z.number().int().min(1).max(16).default(4),
  round: z.number().int().min(1).max(1000).default(2),
});

/**
 * PGRT's policy rollouts for one instruction: n samples from the policy role
 * (the active policy model, recorded with the round), each rendered by the
 * engine, weak-checked against the user's edit and paired as (user ≻ policy).
 */
export async function rolloutPairs({
  ctx,
  input,
  check,
}: {
  ctx: Ctx;
  input: z.input<typeof rolloutPairsInput>;
  check?: WeakChecker;
}): Promise<GenerateResult> {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { instructionId, n, round } = parseInput(rolloutPairsInput, input);
  const loaded = await loadInstruction(ctx, instructionId);
  const { trajectory } = loaded;
  const strong = await ensureStrongCandidate({ ctx, loaded });
  const out: GenerateResult = { strongId: strong.id, candidates: 0, pairs: 0, dropped: [] };
  const r = await proposeEdit({
    ctx: { ...ctx, system: true },
    input: { source: { sha256: trajectory.sourceSha }, instruction: loaded.text, n },
  });
  if (!r.ok) return { ...out, modelError: `${r.status}: ${r.error}` };
  const weakCheck = check ?? gatewayWeakCheck(ctx);
  const split = trajectory.split === "test" ? "accuracy" : "train";
  for (const [i, sample] of r.output.samples.entries()) {
    if (Object.keys(sample.params).length === 0) continue; // an empty rollout is not an edit to compare
    const weak = await renderCandidate({
      ctx,
      input: {
        trajectoryId: trajectory.id,
        instructionId,
        sourceSha: trajectory.sourceSha,
        params: sample.params,
        origin: "policy",
        strategy: `sample:${i}`,
        modelId: r.model.id,
        modelName: r.model.name,
        round,
        parentId: strong.id,
        strongParams: strong.params as DevelopParams,
      },
    });
    await pairIfWeaker({
      ctx,
      check: weakCheck,
      out,
      input: { instructionId, instruction: loaded.text, sourceSha: trajectory.sourceSha, strong, weak, origin: "policy", round, split },
    });
  }
  return out;
}
