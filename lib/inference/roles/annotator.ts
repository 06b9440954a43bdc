import { z } from "zod";
import { describeEdit } from "@/lib/edits/describe-diff";
import { annotateHeuristic } from "../heuristic/annotate";
import { extractJsonObject } from "../parsers/extract-json";
import { defineRole } from "./role-spec";
import { developParams, imageRef } from "./refs";
import { jsonSchemaOf, parseWith, single } from "./parse-with";

/** Annotator input: the before image, the edit's params and, when stored, the after image (else rendered). */
export const annotatorInput = z.object({ source: imageRef, target: imageRef.optional(), params: developParams });

const text = z.string().trim().min(1);
/** Annotator output (paper §3.2): the goal in three lengths and the reasoning behind it. */
export const annotatorOutput = z.object({ intentions: z.object({ short: text, medium: text, long: text }), reasoning: text });
export type AnnotatorOutput = z.output<typeof annotatorOutput>;

export const annotatorRole = defineRole({
  role: "annotator",
  input: annotatorInput,
  output: annotatorOutput,
  jsonSchema: jsonSchemaOf(annotatorOutput),
  promptVars: (i) => ({ params: JSON.stringify(i.params, null, 1), description: describeEdit(i.params) }),
  visuals: (i) => [
    { kind: "image", ref: i.source },
    i.target ? { kind: "image", ref: i.target } : { kind: "render", source: i.source, params: i.params },
  ],
  parse: (answers) => {
    const a = single(answers);
    const json = extractJsonObject(a.text);
    // Some models put the reasoning in the reasoning channel only.
    if (json.reasoning === undefined && a.reasoning) json.reasoning = a.reasoning;
    return parseWith(annotatorOutput, json);
  },
  heuristic: ({ input, looks }) => annotateHeuristic({ before: looks[0], after: looks[1], params: input.params }),
});
