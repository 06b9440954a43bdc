import type { Look } from "./look";
import { readInstruction } from "./read-instruction";
import { rewardScore, scoreEdit } from "./score-edit";

/**
 * The heuristic reward model's score (0–10) for one edit of a source under an
 * instruction: the same scale as its pair scores, so a policy reward and a
 * pair judgement agree. Used by the reward service, which renders many
 * rollouts of one source and so measures the source once.
 */
export function scoreSingleEditHeuristic({ instruction, before, after }: { instruction: string; before: Look; after: Look }): number {
  return rewardScore(scoreEdit({ read: readInstruction(instruction), before, after }));
}
