import "server-only";
import type { PairOrigin } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import { insertPair } from "./create-pair";
import type { GenerateResult } from "./generate-perturbed-pairs";
import type { Candidate } from "./render-candidate";
import { recordWeakCheck, type WeakChecker } from "./weak-check";

/**
 * The shared tail of the perturb and rollout steps for one rendered weak
 * candidate: weak-check it, then store the pair, or the reason it was dropped.
 * Counts into `out`.
 */
export async function pairIfWeaker({
  ctx,
  check,
  out,
  input,
}: {
  ctx: Ctx;
  check: WeakChecker;
  out: GenerateResult;
  input: {
    instructionId: string;
    instruction: string;
    sourceSha: string;
    strong: Candidate;
    weak: Candidate;
    origin: PairOrigin;
    round: number;
    split: "train" | "accuracy";
  };
}): Promise<void> {
  const { instructionId, instruction, sourceSha, strong, weak, origin, round, split } = input;
  out.candidates++;
  const verdict = await recordWeakCheck({ ctx, check, input: { instruction, sourceSha, strong, weak } });
  if (verdict.verdict !== "weaker") {
    out.dropped.push({ candidateId: weak.id, reason: verdict.reason });
    return;
  }
  await insertPair({ ctx, input: { instructionId, strong, weak, origin, round, split } });
  out.pairs++;
}
