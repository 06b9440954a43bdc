import "server-only";
import type { CallStatus } from "@/db/schema";
import { BackendError, isRetryable, suggestsDown, type BackendFailure } from "../backends/backend-error";
import { callOpenAiCompatible, type ChatRequest } from "../backends/openai-compatible";
import { resolveApiKey, type ModelConfig } from "../models/model-config";
import { cleanAnswer, type CleanAnswer } from "../parsers/clean-answer";
import { FormatError } from "../parsers/format-error";
import type { RoleSpec } from "../roles/role-spec";
import { breakerAllows, recordEndpointFailure, recordEndpointSuccess } from "./circuit-breaker";
import { acquireSlot, SlotWaitTimeout } from "./concurrency-limiter";
import { gatewaySettings } from "./settings";

/** How a model call ended, after retries. Every path ends here; nothing throws past it. */
export type CallOutcome<Out> = {
  status: CallStatus;
  output?: Out;
  error?: string;
  raw?: string;
  reasoning?: string;
  usage?: { prompt: number; completion: number };
  attempts: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function backoff(retry: number, f: BackendFailure): number {
  const { backoffMs, backoffMaxMs } = gatewaySettings();
  if (f.kind === "http" && f.retryAfterMs) return Math.min(f.retryAfterMs, backoffMaxMs);
  return Math.min(backoffMaxMs, backoffMs * 2 ** (retry - 1)) * (0.5 + Math.random() * 0.5);
}

const finalStatus = (f: BackendFailure): CallStatus =>
  f.kind === "timeout" ? "timeout" : f.kind === "connection" ? "unavailable" : "http_error";

/**
 * Calls an OpenAI-compatible model for a role: circuit breaker gate, a slot
 * of the endpoint's shared concurrency limit, the request, then parsing.
 * 429/5xx/timeouts/connection errors are retried with backoff up to
 * `maxRetries`; an unparseable answer is retried up to `formatRetries`.
 */
export async function callModel<In, Out>({
  spec,
  model,
  input,
  prompt,
  imageUrls,
}: {
  spec: RoleSpec<In, Out>;
  model: ModelConfig;
  input: In;
  prompt: { system: string; user: string };
  imageUrls: string[];
}): Promise<CallOutcome<Out>> {
  const endpoint = model.endpoint ?? "";
  const n = spec.samples?.(input) ?? 1;
  let apiKey: string;
  try {
    apiKey = resolveApiKey(model);
  } catch (e) {
    return { status: "unavailable", error: `cannot read the API key: ${(e as Error).message}`, attempts: 0 };
  }
  const request: ChatRequest = {
    model,
    apiKey,
    ...prompt,
    imageUrls,
    n,
    ...(spec.jsonSchema && model.structuredOutput ? { jsonSchema: { name: `${spec.role}_output`, schema: spec.jsonSchema } } : {}),
  };
  let attempts = 0;
  let retries = 0;
  let formatRetries = 0;
  for (;;) {
    attempts++;
    let release: () => Promise<void>;
    let failures: number;
    try {
      let admission = await acquireSlot({ endpoint, limit: model.concurrency, leaseMs: model.timeoutMs + 30_000, waitMs: model.timeoutMs });
      // Open: one process per probe interval checks /health and, if it answers, closes the breaker.
      if (admission.kind === "open" && (await breakerAllows(endpoint, apiKey)).allowed) {
        admission = await acquireSlot({ endpoint, limit: model.concurrency, leaseMs: model.timeoutMs + 30_000, waitMs: model.timeoutMs });
      }
      if (admission.kind === "open")
        return { status: "unavailable", error: `endpoint ${endpoint} is down (circuit breaker open)`, attempts };
      ({ release, failures } = admission);
    } catch (e) {
      if (e instanceof SlotWaitTimeout) return { status: "timeout", error: e.message, attempts };
      return { status: "unavailable", error: `coordination store unavailable: ${(e as Error).message}`, attempts };
    }

    let answers: CleanAnswer[];
    let usage: CallOutcome<Out>["usage"];
    try {
      const res = await callOpenAiCompatible(request);
      answers = res.answers.map(cleanAnswer);
      usage = res.usage;
    } catch (e) {
      const f: BackendFailure = e instanceof BackendError ? e.failure : { kind: "connection", message: (e as Error).message };
      await release().catch(() => {});
      if (suggestsDown(f)) await recordEndpointFailure(endpoint, apiKey).catch(() => false);
      if (!isRetryable(f) || retries >= model.maxRetries) return { status: finalStatus(f), error: f.message, attempts };
      retries++;
      await sleep(backoff(retries, f));
      continue;
    }
    // The slot is freed in the background: parsing and logging need not wait for Redis.
    void release().catch(() => {});
    if (failures > 0) await recordEndpointSuccess(endpoint).catch(() => {});

    const raw = answers.length === 1 ? answers[0].text : JSON.stringify(answers.map((a) => a.text));
    const reasoning = answers.some((a) => a.reasoning) ? answers.map((a) => a.reasoning ?? "").join("\n---\n") : undefined;
    try {
      const output = spec.output.parse(spec.parse(answers, input));
      return { status: "ok", output, raw, ...(reasoning ? { reasoning } : {}), ...(usage ? { usage } : {}), attempts };
    } catch (e) {
      const truncated = answers.some((a) => a.truncated) ? " (the answer was cut at max_tokens)" : "";
      const error = `${e instanceof FormatError ? e.message : `unexpected answer: ${(e as Error).message}`}${truncated}`;
      if (formatRetries >= model.formatRetries)
        return { status: "format_error", error, raw, ...(reasoning ? { reasoning } : {}), ...(usage ? { usage } : {}), attempts };
      formatRetries++;
    }
  }
}
