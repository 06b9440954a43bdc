import "server-only";
import { eq } from "drizzle-orm";
import { candidates, type WeakCheckVerdict } from "@/db/schema";
import type { Ctx } from "@/lib/context";
import type { DevelopParams } from "@/lib/develop";
import { getActiveModel, scorePair } from "@/lib/inference";
import { MIN_VISIBLE_DISTANCE } from "./config";
import { paramDistance } from "./param-distance";
import type { Candidate } from "./render-candidate";

export type WeakCheckResult = { verdict: WeakCheckVerdict; reason: string; by: string };
export type WeakCheckInput = { instruction: string; sourceSha: string; strong: Candidate; weak: Candidate };
/** Decides whether `weak` really is worse than `strong` for the instruction. */
export type WeakChecker = (input: WeakCheckInput) => Promise<WeakCheckResult>;

/** Without a model: a candidate that is not visibly different from the strong edit is not a weaker alternative. */
export function distanceCheck({ strong, weak }: WeakCheckInput): WeakCheckResult {
  const d = paramDistance(strong.params as DevelopParams, weak.params as DevelopParams);
  return d >= MIN_VISIBLE_DISTANCE
    ? { verdict: "weaker", reason: `differs from the strong edit by ${d} visible steps`, by: "param-distance" }
    : {
        verdict: "not_weaker",
        reason: `only ${d} visible steps from the strong edit (< ${MIN_VISIBLE_DISTANCE}): not a visibly different edit`,
        by: "param-distance",
      };
}

/**
 * The weak-check: the configured reward model (an MLLM, when one is active)
 * scores strong and weak; with only the built-in heuristic configured it
 * falls back to parameter distance, so the heuristic scorer never filters the
 * very pairs it is later measured on.
 */
export const gatewayWeakCheck =
  (ctx: Ctx): WeakChecker =>
  async (input) => {
    const model = await getActiveModel({ db: ctx.db, role: "reward" });
    const near = distanceCheck(input);
    if (model.backend === "heuristic" || near.verdict === "not_weaker") return near;
    const r = await scorePair({
      ctx: { ...ctx, system: true },
      input: {
        instruction: input.instruction,
        source: { sha256: input.sourceSha },
        a: { image: { sha256: input.strong.imageKey! } },
        b: { image: { sha256: input.weak.imageKey! } },
      },
    });
    if (!r.ok) return { verdict: "skipped", reason: `reward model failed (${r.status}): ${r.error}`.slice(0, 500), by: model.name };
    const { A, B } = r.output.scores;
    return A > B
      ? { verdict: "weaker", reason: `reward scores strong ${A} > weak ${B}`, by: model.name }
      : { verdict: "not_weaker", reason: `reward scores weak ${B} ≥ strong ${A}`, by: model.name };
  };

/** Runs the check once per candidate and stores the verdict and reason on it. */
export async function recordWeakCheck({
  ctx,
  check,
  input,
}: {
  ctx: Ctx;
  check: WeakChecker;
  input: WeakCheckInput;
}): Promise<WeakCheckResult> {
  const w = input.weak;
  if (w.weakCheck && w.weakCheck !== "skipped") return { verdict: w.weakCheck, reason: w.weakCheckReason ?? "", by: w.weakCheckBy ?? "" };
  const result = await check(input);
  await ctx.db
    .update(candidates)
    .set({ weakCheck: result.verdict, weakCheckReason: result.reason, weakCheckBy: result.by })
    .where(eq(candidates.id, w.id));
  return result;
}
