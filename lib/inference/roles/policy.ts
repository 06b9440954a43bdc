import { z } from "zod";
import { parseEdit } from "@/lib/edits/parse-edit";
import { proposeEditHeuristic } from "../heuristic/propose-edit";
import { FormatError } from "../parsers/format-error";
import { developParams, imageRef, instruction } from "./refs";
import { parseWith } from "./parse-with";
import { defineRole } from "./role-spec";

/** Policy input: the image, the instruction and how many samples (rollouts) to draw. */
export const policyInput = z.object({ source: imageRef, instruction, n: z.number().int().min(1).max(16).default(1) });

/** One sampled edit, parsed from `<think>…</think><answer>{…}</answer>` or `{k=v; …}`. */
export const policySample = z.object({
  text: z.string(),
  reasoning: z.string().optional(),
  params: developParams,
  format: z.enum(["jarvisart", "retouchiq", "json", "unknown"]),
  /** Strict format check (JarvisArt's format reward); a repaired answer still yields params. */
  formatOk: z.boolean(),
  issues: z.array(z.string()),
});
export const policyOutput = z.object({ samples: z.array(policySample).min(1) });
export type PolicyOutput = z.output<typeof policyOutput>;

export const policyRole = defineRole({
  role: "policy",
  input: policyInput,
  output: policyOutput,
  // No json_schema: at training parity the policy is never constrained (the format reward teaches format).
  samples: (i) => i.n,
  promptVars: (i) => ({ instruction: i.instruction }),
  visuals: (i) => [{ kind: "image", ref: i.source }],
  parse: (answers) => {
    const samples = answers.map((a) => {
      const p = parseEdit(a.text);
      const reasoning = p.reasoning ?? a.reasoning;
      return {
        text: a.text,
        ...(reasoning ? { reasoning } : {}),
        params: p.params,
        format: p.format,
        formatOk: p.formatOk,
        issues: p.issues.map((i) => i.message),
      };
    });
    // A sample without any edit is kept (it scores 0 as a rollout) unless no sample has one.
    if (samples.every((s) => s.format === "unknown")) throw new FormatError(samples[0]?.issues[0] ?? "no edit in any sample");
    return parseWith(policyOutput, { samples });
  },
  heuristic: ({ input, looks }) => ({
    samples: proposeEditHeuristic({ instruction: input.instruction, look: looks[0], n: input.n }).map((s) => ({
      ...s,
      format: "jarvisart" as const,
      formatOk: true,
      issues: [],
    })),
  }),
});
