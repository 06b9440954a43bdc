import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { inferenceCalls, type CallStatus } from "@/db/schema";
import { requireRole } from "@/lib/auth/actor";
import type { Ctx } from "@/lib/context";
import { AppError, isAppError } from "@/lib/errors";
import { isImageError } from "@/lib/imaging/image-error";
import { parseInput } from "@/lib/parse-input";
import { runHeuristic } from "../backends/heuristic";
import { prepareImageUrls, visualKey } from "../backends/prepare-images";
import { getModelConfig } from "../models/get-model-config";
import { modelRef, type ModelConfig, type ModelRef } from "../models/model-config";
import { loadPrompt, renderPrompt } from "../prompts/load-prompt";
import { roleSpec, type RoleInput, type RoleName, type RoleOutput } from "../roles";
import { callModel, type CallOutcome } from "./call-model";
import { findCachedCall, finishCall, startCall, type CallEnd, type CallStart } from "./call-log";
import { deferCall } from "./deferred-call-log";
import { loggableInput, requestHash } from "./request-hash";
import { callLogMode } from "./settings";

/** What a role call returns: the validated output, or the recorded failure. Both carry the call-log id. */
export type InferenceResult<O> =
  | { ok: true; output: O; model: ModelRef; callId: number; cached: boolean }
  | { ok: false; status: Exclude<CallStatus, "ok">; error: string; model: ModelRef; callId: number };

/**
 * Runs a model role: picks the active model for the role (the built-in
 * heuristic when none is configured), builds the versioned prompt, calls the
 * backend, parses and validates the answer, and logs the call in
 * `inference_calls`. Deterministic requests (temperature 0) that were already
 * answered are served from the log. Model failures never throw: they come
 * back as `ok: false` with their log row; bad input throws VALIDATION.
 */
export async function runRole<R extends RoleName>({
  ctx,
  role,
  input,
  model: pinned,
  modelId,
}: {
  ctx: Ctx;
  role: R;
  input: RoleInput<R>;
  /** A specific model config (e.g. a round's own reward model row, or a candidate being smoke-tested) — wins over modelId. */
  model?: ModelConfig;
  /** Pin a model (see getModelConfig): omitted → the active one, null → the built-in heuristic. */
  modelId?: string | null;
}): Promise<InferenceResult<RoleOutput<R>>> {
  const spec = roleSpec(role);
  if (!ctx.system) requireRole(ctx.actor, ["researcher"]);
  const parsed = parseInput(spec.input, input);
  const model = pinned ?? (await getModelConfig({ db: ctx.db, role, modelId }));
  const template = loadPrompt(role, model.promptVersion);
  const visuals = spec.visuals(parsed);
  const logged = { ...(loggableInput(parsed) as Record<string, unknown>), images: visuals.map(visualKey) };
  const hash = requestHash({
    role,
    model: {
      id: model.id,
      name: model.name,
      backend: model.backend,
      endpoint: model.endpoint,
      servedModel: model.servedModel,
      temperature: model.temperature,
    },
    promptVersion: template.hash,
    input: logged,
  });
  const ref = modelRef(model);

  const start: CallStart = {
    requestHash: hash,
    role,
    modelId: model.id,
    modelName: model.name,
    backend: model.backend,
    promptId: template.id,
    promptVersion: template.hash,
    temperature: model.temperature,
    inputs: logged,
    deadlineAt: new Date(Date.now() + callBudgetMs(model)),
  };
  // The started row and the cache lookup go out in one statement (one round trip on the
  // critical path); a cache hit removes the row again, since no call is made.
  const log = callLog(ctx, start, model.temperature === 0);
  const hit = await log.hit;
  const check = hit && spec.output.safeParse(hit.parsed);
  if (hit && check?.success) {
    await log.cancel();
    return { ok: true, output: check.data as RoleOutput<R>, model: ref, callId: hit.id, cached: true };
  }
  await log.started;
  const started = performance.now();
  const outcome = await inputErrorsThrow(() =>
    model.backend === "heuristic" ? heuristicOutcome(spec, parsed, hash) : modelOutcome(spec, model, parsed, template, visuals),
  ).catch(async (e: unknown) => {
    await log.cancel(); // bad input: no call was made, so no row stays behind
    throw e;
  });
  const callId = await log.finish({
    status: outcome.status,
    attempts: outcome.attempts,
    latencyMs: Math.round(performance.now() - started),
    promptTokens: outcome.usage?.prompt ?? null,
    completionTokens: outcome.usage?.completion ?? null,
    rawOutput: outcome.raw ?? null,
    reasoning: outcome.reasoning ?? null,
    parsed: outcome.status === "ok" ? (outcome.output as object) : null,
    error: outcome.error ?? null,
  });
  if (outcome.status === "ok") return { ok: true, output: outcome.output as RoleOutput<R>, model: ref, callId, cached: false };
  return { ok: false, status: outcome.status, error: outcome.error ?? outcome.status, model: ref, callId };
}

type AnySpec = ReturnType<typeof roleSpec>;

/** Longest a call can take: every attempt timing out, plus backoff; past it a `started` row is abandoned. */
const callBudgetMs = (m: ModelConfig) =>
  m.timeoutMs * (m.maxRetries + 1) * (m.formatRetries + 1) + Number(process.env.INFERENCE_ABANDON_MARGIN_MS ?? 60_000);

/**
 * Synchronous by default: a `started` row is committed before the request goes
 * out and completed after, durable when the call returns (both group committed;
 * see startCall). `INFERENCE_CALL_LOG=async`
 * writes one row at the end in the background instead (process-wide db only,
 * never inside a transaction; rows pending at a crash are lost); `off` (the
 * benchmark's baseline, never in production) neither reads nor writes the log.
 */
function callLog(ctx: Ctx, start: CallStart, lookup: boolean) {
  const mode = callLogMode();
  if (mode === "off")
    return { hit: Promise.resolve(null), started: Promise.resolve(), finish: async () => 0, cancel: async () => undefined };
  if (mode === "async" && ctx.db === getDb()) {
    const { deadlineAt: _deadline, ...rest } = start;
    return {
      hit: lookup ? findCachedCall(ctx.db, start.requestHash) : Promise.resolve(null),
      started: Promise.resolve(),
      finish: (end: CallEnd) => deferCall(getDb(), { ...rest, ...end }),
      cancel: async () => undefined,
    };
  }
  const started = startCall(ctx.db, start, { lookup });
  started.catch(() => undefined); // awaited later; never an unhandled rejection meanwhile
  return {
    hit: started.then((s) => s.hit),
    started,
    finish: async (end: CallEnd) => {
      const { id } = await started;
      await finishCall(ctx.db, id, start, end);
      return id;
    },
    cancel: async () => {
      const id = await started.then((s) => s.id).catch(() => null);
      if (id !== null) await ctx.db.delete(inferenceCalls).where(eq(inferenceCalls.id, id));
    },
  };
}

async function heuristicOutcome(spec: AnySpec, input: unknown, hash: string): Promise<CallOutcome<unknown>> {
  const output = spec.output.parse(await runHeuristic({ spec, input, seed: parseInt(hash.slice(0, 8), 16) }));
  return { status: "ok", output, raw: JSON.stringify(output), attempts: 1 };
}

async function modelOutcome(
  spec: AnySpec,
  model: ModelConfig,
  input: unknown,
  template: ReturnType<typeof loadPrompt>,
  visuals: ReturnType<AnySpec["visuals"]>,
) {
  const imageUrls = await prepareImageUrls(model, visuals);
  return callModel({ spec, model, input, prompt: renderPrompt(template, spec.promptVars(input)), imageUrls });
}

/** Missing or undecodable input images are the caller's error (no call was made); anything else is recorded. */
async function inputErrorsThrow(fn: () => Promise<CallOutcome<unknown>>): Promise<CallOutcome<unknown>> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) throw e;
    if (isImageError(e)) throw new AppError("VALIDATION", `An input image cannot be read: ${e.message}`);
    return { status: "unavailable", error: `the backend failed: ${(e as Error).message}`.slice(0, 1000), attempts: 1 };
  }
}
