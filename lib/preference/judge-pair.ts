import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { candidates, labels, pairs, type LabelChoice } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { scorePair, type RewardOutput } from "@/lib/inference";
import { parseInput } from "@/lib/parse-input";
import { clearJudgeFailure } from "./judge-failures";
import { loadInstruction } from "./load-instruction";

export const judgePairInput = z.object({ pairId: z.uuid() });

/** One reward-model verdict on (A, B); the port lets tests plant a biased judge. */
export type PairScorer = (input: {
  instruction: string;
  sourceSha: string;
  aKey: string;
  bKey: string;
}) => Promise<
  { ok: true; output: RewardOutput; model: { id: string | null; name: string }; callId: number } | { ok: false; error: string }
>;

const gatewayScorer =
  (ctx: Ctx): PairScorer =>
  async ({ instruction, sourceSha, aKey, bKey }) => {
    const r = await scorePair({
      ctx: { ...ctx, system: true },
      input: { instruction, source: { sha256: sourceSha }, a: { image: { sha256: aKey } }, b: { image: { sha256: bKey } } },
    });
    return r.ok ? { ok: true, output: r.output, model: r.model, callId: r.callId } : { ok: false, error: `${r.status}: ${r.error}` };
  };

const verdict = (strong: number, weak: number): LabelChoice => (strong > weak ? "strong" : strong < weak ? "weak" : "tie");

/**
 * Labels a pair with the reward role twice, sides swapped (strong as A, then
 * strong as B). Both verdicts are stored with their metrics, scores and raw
 * reasoning; when they disagree the judge preferred a POSITION, not an edit,
 * and both labels are flagged `positionBias`. Re-running writes nothing twice.
 */
export async function judgePair({ ctx, input, scorer }: { ctx: Ctx; input: z.input<typeof judgePairInput>; scorer?: PairScorer }) {
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const { pairId } = parseInput(judgePairInput, input);
  const [pair] = await ctx.db.select().from(pairs).where(eq(pairs.id, pairId)).limit(1);
  if (!pair) throw new AppError("NOT_FOUND", `No pair ${pairId}`);
  const [strong] = await ctx.db.select().from(candidates).where(eq(candidates.id, pair.strongId));
  const [weak] = await ctx.db.select().from(candidates).where(eq(candidates.id, pair.weakId));
  if (!strong?.imageKey || !weak?.imageKey) throw new AppError("CONFLICT", `Pair ${pairId} has an unrendered member`);
  const loaded = await loadInstruction(ctx, pair.instructionId);
  const score = scorer ?? gatewayScorer(ctx);
  const base = { instruction: loaded.text, sourceSha: loaded.trajectory.sourceSha };

  const runs = [];
  for (const swapped of [false, true]) {
    const [aKey, bKey] = swapped ? [weak.imageKey, strong.imageKey] : [strong.imageKey, weak.imageKey];
    const r = await score({ ...base, aKey, bKey });
    if (!r.ok) throw new AppError("UNAVAILABLE", `Reward model failed on pair ${pairId}: ${r.error}`);
    const { A, B } = r.output.scores;
    const [s, w] = swapped ? [B, A] : [A, B];
    runs.push({ swapped, r, s, w, choice: verdict(s, w) });
  }
  const biased = runs[0].choice !== runs[1].choice;
  const rows = runs.map(({ swapped, r, s, w, choice }) => {
    if (!r.ok) throw new Error("unreachable");
    return {
      pairId,
      labelerKind: "model" as const,
      modelId: r.model.id,
      modelName: r.model.name,
      choice,
      leftWas: swapped ? ("weak" as const) : ("strong" as const),
      swapped,
      metrics: { metrics: r.output.metrics, inferenceCallId: r.callId },
      scoreStrong: s,
      scoreWeak: w,
      rawOutput: r.output.reasoning ?? null,
      inferenceCallId: null,
      positionBias: biased,
    };
  });
  const inserted = await ctx.db.insert(labels).values(rows).onConflictDoNothing().returning({ id: labels.id });
  await clearJudgeFailure({ ctx, input: { pairId } });
  return { pairId, verdicts: runs.map((r) => r.choice), positionBias: biased, written: inserted.length };
}
