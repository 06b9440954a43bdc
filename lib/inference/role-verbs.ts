import "server-only";
import type { Ctx } from "@/lib/context";
import { runRole } from "./gateway/run-role";
import type { RoleInput } from "./roles";

// One verb per role, so callers read as the paper does. Each returns
// `InferenceResult` (see runRole): the output or a recorded failure.

/** Annotator (paper §3.2): (I0, I, params) → intentions in three lengths + reasoning. */
export const annotate = ({ ctx, input }: { ctx: Ctx; input: RoleInput<"annotator"> }) => runRole({ ctx, role: "annotator", input });

/** Perturber (paper §4.2): (I0, I, params, instruction) → weaker plausible params + note. */
export const perturb = ({ ctx, input }: { ctx: Ctx; input: RoleInput<"perturber"> }) => runRole({ ctx, role: "perturber", input });

/** Policy: (I0, instruction, n) → n samples of reasoning + params. */
export const proposeEdit = ({ ctx, input, modelId }: { ctx: Ctx; input: RoleInput<"policy">; modelId?: string | null }) =>
  runRole({ ctx, role: "policy", input, modelId });

/** Generalist reward model (paper §4.1): (instruction, I0, A, B) → metrics, then scores for A and B. */
export const scorePair = ({ ctx, input }: { ctx: Ctx; input: RoleInput<"reward"> }) => runRole({ ctx, role: "reward", input });

/** Evaluation judge: (instruction, I0, output) → SC, PQ, O = √(SC·PQ). */
export const judgeEdit = ({ ctx, input, modelId }: { ctx: Ctx; input: RoleInput<"judge">; modelId?: string | null }) =>
  runRole({ ctx, role: "judge", input, modelId });
