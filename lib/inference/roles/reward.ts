import { z } from "zod";
import { scorePairHeuristic } from "../heuristic/score-pair";
import { extractJsonObject } from "../parsers/extract-json";
import { editRef, editVisual, imageRef, instruction } from "./refs";
import { jsonSchemaOf, parseWith, single } from "./parse-with";
import { defineRole } from "./role-spec";

/** Reward input: the instruction, the original and two candidate edits A and B. */
export const rewardInput = z.object({ instruction, source: imageRef, a: editRef, b: editRef });

const score = z.coerce.number().min(0).max(10);
// Property order is generation order under json_schema: metrics, then the reasoning over them, then the scores.
/** Reward output (paper §4.1): the metrics first, then one scalar per image. */
export const rewardOutput = z.object({
  metrics: z.array(z.object({ name: z.string().trim().min(1), description: z.string().trim() })).min(1),
  reasoning: z.string().optional(),
  scores: z.object({ A: score, B: score }),
});
export type RewardOutput = z.output<typeof rewardOutput>;

export const rewardRole = defineRole({
  role: "reward",
  input: rewardInput,
  output: rewardOutput,
  jsonSchema: jsonSchemaOf(rewardOutput),
  promptVars: (i) => ({ instruction: i.instruction }),
  visuals: (i) => [{ kind: "image", ref: i.source }, editVisual(i.source, i.a), editVisual(i.source, i.b)],
  parse: (answers) => {
    const a = single(answers);
    const json = extractJsonObject(a.text);
    if (json.reasoning === undefined && a.reasoning) json.reasoning = a.reasoning;
    return parseWith(rewardOutput, json);
  },
  heuristic: ({ input, looks }) => scorePairHeuristic({ instruction: input.instruction, source: looks[0], a: looks[1], b: looks[2] }),
});
