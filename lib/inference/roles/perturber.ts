import { z } from "zod";
import { perturbHeuristic } from "../heuristic/perturb";
import { extractJsonObject } from "../parsers/extract-json";
import { FormatError } from "../parsers/format-error";
import { developParams, imageRef, instruction } from "./refs";
import { jsonSchemaOf, parseWith, single } from "./parse-with";
import { defineRole } from "./role-spec";

/** Perturber input: the real edit (I0, I, params) and the instruction it carries out. */
export const perturberInput = z.object({ source: imageRef, target: imageRef.optional(), params: developParams, instruction });

/** Perturber output (paper §4.2): weaker but plausible params, and a note of what was changed. */
export const perturberOutput = z.object({
  params: developParams,
  note: z.string().trim().min(1),
  changes: z.array(z.object({ key: z.string(), from: z.unknown(), to: z.unknown(), action: z.string() })).optional(),
});
export type PerturberOutput = z.output<typeof perturberOutput>;

export const perturberRole = defineRole({
  role: "perturber",
  input: perturberInput,
  output: perturberOutput,
  jsonSchema: jsonSchemaOf(z.object({ params: z.record(z.string(), z.unknown()), note: z.string() })),
  promptVars: (i) => ({ instruction: i.instruction, params: JSON.stringify(i.params, null, 1) }),
  visuals: (i) => [
    { kind: "image", ref: i.source },
    i.target ? { kind: "image", ref: i.target } : { kind: "render", source: i.source, params: i.params },
  ],
  parse: (answers, input) => {
    const out = parseWith(perturberOutput, extractJsonObject(single(answers).text));
    if (JSON.stringify(out.params) === JSON.stringify(input.params)) throw new FormatError("the perturbed params equal the original edit");
    return out;
  },
  heuristic: ({ input, seed }) => perturbHeuristic({ params: input.params, seed }),
});
