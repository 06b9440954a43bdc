import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { instructions, rewardResults, trajectories } from "@/db/schema";
import { requireScope } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import type { Image8 } from "@/lib/develop/pipeline/decode";
import { decodeImage } from "@/lib/imaging";
import { lookOfImage, runRole, type Look, type ModelConfig } from "@/lib/inference";
import { parseInput } from "@/lib/parse-input";
import { getBlobStore } from "@/lib/storage";
import { mapBounded } from "./bounded";
import { resolveRewardModel } from "./resolve-reward-model";
import { FORMAT_WEIGHT, parseResponse, scoreResponseHeuristic, zeroResult, type RewardResult } from "./score-response";

/** Items per request: one EasyR1 step (512 × 5) fits, with room. */
export const MAX_BATCH_ITEMS = 4096;

const item = z.object({ sample_id: z.string().max(100), response: z.string().max(32_000) });
export const scorePolicyBatchInput = z.union([
  z.array(item).min(1).max(MAX_BATCH_ITEMS),
  z.object({
    items: z.array(item).min(1).max(MAX_BATCH_ITEMS),
    model_id: z.uuid().optional(),
    round: z.number().int().min(1).max(100_000).optional(),
  }),
]);

/**
 * Long edge (px) rollouts are rendered and measured at. The heuristic reward
 * reads global statistics, which a 256-px render already gives: 2,560
 * rollouts per EasyR1 step must score in well under a minute on a small box.
 */
export const REWARD_EDGE = 256;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hashOf = (s: string) => createHash("sha256").update(s).digest("hex");

/** Server-side limits, from env so an operator can size them to the machine and the GRM fleet. */
export const rewardLimits = () => ({
  concurrency: Number(process.env.REWARD_CONCURRENCY) || 8,
  deadlineMs: Number(process.env.REWARD_DEADLINE_MS) || 120_000,
});

type Sample = { instruction: string; sourceSha: string };
type Decoded = { image: Image8; look: Look } | { error: string };

/**
 * The reward service (`POST /api/v1/rewards/policy:batch`): for each
 * `{sample_id, response}` parse the edit with lib/edits, render it on the
 * sample's source at the reward size, ask the reward model, and return
 * `{overall, format, grm, parse_ok, render_ok}` (plus `latency_ms`, `cached`,
 * and `error` when flagged). A bad item scores 0 with a
 * reason and never fails the batch; at most `REWARD_CONCURRENCY` items are in
 * flight; items not started by the deadline score 0 (`deadline`). Results are
 * memoised on (sample_id, sha256(response), reward model), so a retried batch
 * returns the same numbers without rendering again.
 */
export async function scorePolicyBatch({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requireScope(ctx.actor, "reward");
  const parsed = parseInput(scorePolicyBatchInput, input);
  const items = Array.isArray(parsed) ? parsed : parsed.items;
  const { key: modelKey, model } = Array.isArray(parsed)
    ? await resolveRewardModel({ ctx })
    : await resolveRewardModel({ ctx, modelId: parsed.model_id, round: parsed.round });
  const { concurrency, deadlineMs } = rewardLimits();
  const deadline = Date.now() + deadlineMs;
  const hashes = items.map((i) => hashOf(i.response));

  const memo = await loadMemo(
    ctx,
    items.map((i) => i.sample_id),
    modelKey,
  );
  const samples = await loadSamples(
    ctx,
    items.filter((_, n) => !memo.has(`${items[n].sample_id}:${hashes[n]}`)).map((i) => i.sample_id),
  );
  const decoded = new Map<string, Promise<Decoded>>();
  const sourceOf = (sha: string) => {
    let hit = decoded.get(sha);
    if (!hit) decoded.set(sha, (hit = decodeSource(sha)));
    return hit;
  };

  const fresh: { sampleId: string; responseHash: string; result: RewardResult }[] = [];
  const results = await mapBounded(
    items.map((it, n) => ({ ...it, n })),
    { limit: concurrency, deadline },
    async (it) => {
      const cached = memo.get(`${it.sample_id}:${hashes[it.n]}`);
      if (cached) return { ...cached, latency_ms: 0, cached: true };
      const started = performance.now();
      const result = await scoreOne({ ctx, model, response: it.response, sample: samples.get(it.sample_id), sourceOf });
      fresh.push({ sampleId: it.sample_id, responseHash: hashes[it.n], result });
      return { ...result, latency_ms: Math.round((performance.now() - started) * 10) / 10, cached: false };
    },
    () => ({ ...zeroResult("deadline: the batch ran out of time before this item started"), latency_ms: 0, cached: false }),
  );
  // Deterministic outcomes only: a timeout or a missing sample may succeed on retry.
  const keep = fresh.filter((f) => !/^(deadline|unknown sample|reward model)/.test(f.result.error ?? ""));
  if (keep.length) {
    await ctx.db
      .insert(rewardResults)
      .values(
        keep.map((f) => ({
          sampleId: f.sampleId,
          responseHash: f.responseHash,
          modelKey,
          overall: f.result.overall,
          format: f.result.format,
          grm: f.result.grm,
          parseOk: f.result.parse_ok,
          renderOk: f.result.render_ok,
          error: f.result.error ?? null,
        })),
      )
      .onConflictDoNothing();
  }
  return {
    model: { key: modelKey, name: model.name, backend: model.backend },
    results: results.map((r, n) => ({ sample_id: items[n].sample_id, ...r })),
  };
}

async function scoreOne({
  ctx,
  model,
  response,
  sample,
  sourceOf,
}: {
  ctx: Ctx;
  model: ModelConfig;
  response: string;
  sample: Sample | undefined;
  sourceOf: (sha: string) => Promise<Decoded>;
}): Promise<RewardResult> {
  if (!sample) return zeroResult("unknown sample: no instruction with this sample_id");
  if (model.backend === "heuristic") {
    const source = await sourceOf(sample.sourceSha);
    if ("error" in source) return zeroResult(`render: ${source.error}`, { parse_ok: parseResponse(response).params !== null });
    return scoreResponseHeuristic({ response, instruction: sample.instruction, source: source.image, sourceLook: source.look });
  }
  // A served reward model: it sees the original (A) and the rendered rollout (B).
  const { params, formatOk, note } = parseResponse(response);
  if (!params) return zeroResult(`parse: ${note}`);
  const out = await runRole({
    ctx: { ...ctx, system: true },
    role: "reward",
    model,
    input: { instruction: sample.instruction, source: { sha256: sample.sourceSha }, a: { params: {} }, b: { params } },
  }).catch((error: unknown) => ({ ok: false as const, error: (error as Error).message }));
  if (!out.ok) return zeroResult(`reward model: ${out.error}`, { parse_ok: true, format: formatOk ? 1 : 0 });
  const grm = Math.min(1, Math.max(0, out.output.scores.B / 10));
  const format = formatOk ? 1 : 0;
  return { overall: FORMAT_WEIGHT * format + (1 - FORMAT_WEIGHT) * grm, format, grm, parse_ok: true, render_ok: true };
}

async function decodeSource(sha: string): Promise<Decoded> {
  try {
    const bytes = await getBlobStore().get(sha);
    if (!bytes) return { error: "the source image is missing from the store" };
    const d = await decodeImage(new Uint8Array(bytes), { maxEdge: REWARD_EDGE });
    const image: Image8 = { data: d.data, width: d.width, height: d.height, channels: d.channels };
    return { image, look: lookOfImage(image) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

async function loadSamples(ctx: Ctx, ids: string[]): Promise<Map<string, Sample>> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (valid.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: instructions.id, text: instructions.text, sourceSha: trajectories.sourceSha })
    .from(instructions)
    .innerJoin(trajectories, eq(trajectories.id, instructions.trajectoryId))
    .where(inArray(instructions.id, valid));
  return new Map(rows.map((r) => [r.id, { instruction: r.text, sourceSha: r.sourceSha }]));
}

async function loadMemo(ctx: Ctx, sampleIds: string[], modelKey: string): Promise<Map<string, RewardResult>> {
  const ids = [...new Set(sampleIds)];
  const rows = await ctx.db
    .select()
    .from(rewardResults)
    .where(and(eq(rewardResults.modelKey, modelKey), inArray(rewardResults.sampleId, ids)));
  return new Map(
    rows.map((r) => [
      `${r.sampleId}:${r.responseHash}`,
      {
        overall: r.overall,
        format: r.format,
        grm: r.grm,
        parse_ok: r.parseOk,
        render_ok: r.renderOk,
        ...(r.error ? { error: r.error } : {}),
      },
    ]),
  );
}
