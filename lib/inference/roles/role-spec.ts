import type { z } from "zod";
import type { ModelRole } from "@/db/schema/models";
import type { Look } from "../heuristic/look";
import type { CleanAnswer } from "../parsers/clean-answer";
import type { Visual } from "./refs";

/**
 * Everything the gateway needs to know about one role: its contracts (zod in
 * and out), the prompt variables and images, how to parse a model's answer and
 * the heuristic implementation. One file per role in `roles/`.
 */
export type RoleSpec<In, Out> = {
  role: ModelRole;
  input: z.ZodType<In, unknown>;
  output: z.ZodType<Out, unknown>;
  /** JSON schema for `response_format: json_schema`; absent when the role must not be constrained (policy). */
  jsonSchema?: Record<string, unknown>;
  /** How many samples the input asks for (policy rollouts); 1 for the others. */
  samples?: (input: In) => number;
  promptVars: (input: In) => Record<string, string>;
  /** Images shown to the model, in prompt order ("Image 1", "Image 2", …). */
  visuals: (input: In) => Visual[];
  /** Turns the cleaned answers (one per sample) into the output; throws FormatError. */
  parse: (answers: CleanAnswer[], input: In) => Out;
  /** The built-in heuristic, over the looks of `visuals(input)` in the same order. */
  heuristic: (args: { input: In; looks: Look[]; seed: number }) => Out;
};

/** Identity helper that keeps the generic types. */
export const defineRole = <In, Out>(spec: RoleSpec<In, Out>) => spec;
