import "server-only";
import { z } from "zod";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { perturb } from "@/lib/inference";
import { parseInput } from "@/lib/parse-input";
import { ensureStrongCandidate } from "./ensure-strong-candidate";
import { loadInstruction } from "./load-instruction";
import { pairIfWeaker } from "./pair-if-weaker";
import { markPerturbDone } from "./perturb-runs";
import { renderCandidate } from "./render-candidate";
import { perturbAll, STRATEGIES } from "./strategies";
import { gatewayWeakCheck, type WeakChecker } from "./weak-check";

export const generatePerturbedPairsInput = z.object({
  instructionId: z.uuid(),
  strategies: z.array(z.enum(STRATEGIES)).max(STRATEGIES.length).optional(),
  /** Also ask the perturber model role for one weak edit. */
  withModel: z.boolean().default(true),
  round: z.number().int().min(1).max(1000).default(1),
});

export type GenerateResult = {
  strongId: string;
  candidates: number;
  pairs: number;
  dropped: { candidateId: string; reason: string }[];
  modelError?: string;
};

/**
 * The perturb step for one instruction: render the strong edit, derive weak
 * edits by every rule-based strategy and by the perturber role, render each,
 * weak-check it (dropping, with the reason stored, any that is not weaker)
 * and store a pair for each survivor, then record the step done (perturb-runs.ts).
 * Safe to re-run: every write is keyed.
 */
export async function generatePerturbedPairs({
  ctx,
  input,
  check,
}: {
  ctx: Ctx;
  input: z.input<typeof generatePerturbedPairsInput>;
  check?: WeakChecker;
}): Promise<GenerateResult> {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { instructionId, strategies, withModel, round } = parseInput(generatePerturbedPairsInput, input);
  const loaded = await loadInstruction(ctx, instructionId);
  const { trajectory } = loaded;
  const strong = await ensureStrongCandidate({ ctx, loaded });
  const strongParams = strong.params as DevelopParams;

  const weakEdits: {
    params: DevelopParams;
    strategy: string;
    kind: NonNullable<typeof strong.kind>;
    modelId?: string | null;
    modelName?: string;
  }[] = perturbAll(strongParams, strategies ?? STRATEGIES);
  let modelError: string | undefined;
  if (withModel) {
    const r = await perturb({
      ctx: { ...ctx, system: true },
      input: { source: { sha256: trajectory.sourceSha }, params: strongParams, instruction: loaded.text },
    });
    if (r.ok)
      weakEdits.push({
        params: r.output.params,
        strategy: `model:${r.model.name}`,
        kind: "model",
        modelId: r.model.id,
        modelName: r.model.name,
      });
    else modelError = `${r.status}: ${r.error}`;
  }

  const weakCheck = check ?? gatewayWeakCheck(ctx);
  const split = trajectory.split === "test" ? "accuracy" : "train";
  const out: GenerateResult = { strongId: strong.id, candidates: 0, pairs: 0, dropped: [], ...(modelError ? { modelError } : {}) };
  for (const w of weakEdits) {
    const weak = await renderCandidate({
      ctx,
      input: {
        trajectoryId: trajectory.id,
        instructionId,
        sourceSha: trajectory.sourceSha,
        params: w.params,
        origin: "perturber",
        strategy: w.strategy,
        kind: w.kind,
        modelId: w.modelId ?? null,
        modelName: w.modelName ?? null,
        round,
        parentId: strong.id,
        strongParams,
      },
    });
    await pairIfWeaker({
      ctx,
      check: weakCheck,
      out,
      input: { instructionId, instruction: loaded.text, sourceSha: trajectory.sourceSha, strong, weak, origin: "perturbed", round, split },
    });
  }
  await markPerturbDone({ ctx, input: { instructionId, round } });
  return out;
}
