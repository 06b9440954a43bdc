import type { z } from "zod";
import { annotatorInput, annotatorOutput, annotatorRole } from "./annotator";
import { judgeInput, judgeOutput, judgeRole } from "./judge";
import { perturberInput, perturberOutput, perturberRole } from "./perturber";
import { policyInput, policyOutput, policyRole } from "./policy";
import { rewardInput, rewardOutput, rewardRole } from "./reward";
import type { RoleSpec } from "./role-spec";

/** Every role's spec, by role name. */
export const ROLE_SPECS = {
  annotator: annotatorRole,
  perturber: perturberRole,
  policy: policyRole,
  reward: rewardRole,
  judge: judgeRole,
} as const;
export type RoleName = keyof typeof ROLE_SPECS;

/** Each role's zod input and output schema. */
export const ROLE_SCHEMAS = {
  annotator: { input: annotatorInput, output: annotatorOutput },
  perturber: { input: perturberInput, output: perturberOutput },
  policy: { input: policyInput, output: policyOutput },
  reward: { input: rewardInput, output: rewardOutput },
  judge: { input: judgeInput, output: judgeOutput },
};

/** What a caller passes for role `R` (before zod defaults and normalisation). */
export type RoleInput<R extends RoleName> = z.input<(typeof ROLE_SCHEMAS)[R]["input"]>;
/** Role `R`'s input after parsing. */
export type RoleParsedInput<R extends RoleName> = z.output<(typeof ROLE_SCHEMAS)[R]["input"]>;
/** What role `R` returns. */
export type RoleOutput<R extends RoleName> = z.output<(typeof ROLE_SCHEMAS)[R]["output"]>;

/** The spec of `role`, typed loosely for the generic gateway code. */
export const roleSpec = (role: RoleName) => ROLE_SPECS[role] as unknown as RoleSpec<unknown, unknown>;
