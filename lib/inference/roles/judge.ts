import { z } from "zod";
import { judgeHeuristic, overallScore, PQ_WORDINGS, type PqWording } from "../heuristic/judge-edit";
import { extractJsonObject } from "../parsers/extract-json";
import { FormatError } from "../parsers/format-error";
import { editRef, editVisual, imageRef, instruction } from "./refs";
import { jsonSchemaOf, parseWith, single } from "./parse-with";
import { defineRole } from "./role-spec";

/** Judge input: instruction, original and the output to evaluate, and which PQ wording to use. */
export const judgeInput = z.object({
  instruction,
  source: imageRef,
  output: editRef,
  pqWording: z.enum(PQ_WORDINGS).default("perceptual_quality"),
});

const score = z.number().min(0).max(10);
/** Judge output (DEVELOP-PARAMS.md §4): SC, PQ on 0–10, O = √(SC·PQ), and the PQ wording used. */
export const judgeOutput = z.object({ sc: score, pq: score, o: score, pqWording: z.enum(PQ_WORDINGS), reasoning: z.string() });
export type JudgeOutput = z.output<typeof judgeOutput>;

/** The model's answer, VIEScore style: `{"score": [SC, PQ], "reasoning": …}`. */
const judgeAnswer = z.object({ score: z.tuple([z.coerce.number(), z.coerce.number()]), reasoning: z.string().default("") });

const PQ_TEXT: Record<PqWording, { pqTitle: string; pqDescription: string }> = {
  perceptual_quality: {
    pqTitle: "perceptual quality",
    pqDescription:
      "how natural and technically good the edited image looks: exposure, color, no clipping, banding, halos or artifacts. 0 = very poor, 10 = excellent.",
  },
  content_consistency: {
    pqTitle: "content consistency",
    pqDescription:
      "whether the edited image is still the same photo: content, structure and details preserved, no artifacts or unintended changes. 0 = unrelated, 10 = fully consistent.",
  },
};

export const judgeRole = defineRole({
  role: "judge",
  input: judgeInput,
  output: judgeOutput,
  jsonSchema: jsonSchemaOf(z.object({ score: z.array(z.number()).min(2).max(2), reasoning: z.string() })),
  promptVars: (i) => ({ instruction: i.instruction, ...PQ_TEXT[i.pqWording] }),
  visuals: (i) => [{ kind: "image", ref: i.source }, editVisual(i.source, i.output)],
  parse: (answers, input) => {
    const a = single(answers);
    const { score: s, reasoning } = parseWith(judgeAnswer, extractJsonObject(a.text));
    const [sc, pq] = s;
    if (![sc, pq].every((v) => Number.isFinite(v) && v >= 0 && v <= 10)) throw new FormatError(`scores must be 0–10, got [${sc}, ${pq}]`);
    return { sc, pq, o: overallScore(sc, pq), pqWording: input.pqWording, reasoning: reasoning || a.reasoning || "" };
  },
  heuristic: ({ input, looks }) =>
    judgeHeuristic({ instruction: input.instruction, source: looks[0], output: looks[1], pqWording: input.pqWording }),
});
