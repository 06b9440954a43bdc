import "server-only";
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from "openai";
import type { ChatCompletion, ChatCompletionContentPart, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import type { ModelConfig } from "../models/model-config";
import type { RawAnswer } from "../parsers/clean-answer";
import { BackendError } from "./backend-error";

/** One request to an OpenAI-compatible server. */
export type ChatRequest = {
  model: ModelConfig;
  apiKey: string;
  system: string;
  user: string;
  imageUrls: string[];
  /** JSON schema for `response_format`, when the role and the model allow it. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  n: number;
};

/** What came back: one answer per choice, and token usage. */
export type ChatResponse = { answers: RawAnswer[]; usage?: { prompt: number; completion: number } };

const clients = new Map<string, OpenAI>();

function clientFor(endpoint: string, apiKey: string): OpenAI {
  const key = `${endpoint}\u0000${apiKey}`;
  let c = clients.get(key);
  if (!c) {
    // Retries are ours (logged, bounded, shared with the circuit breaker), so the SDK's are off.
    c = new OpenAI({ baseURL: endpoint, apiKey, maxRetries: 0 });
    clients.set(key, c);
  }
  return c;
}

/**
 * Calls `/v1/chat/completions` on vLLM, SGLang or a hosted API. Images go as
 * `image_url` parts after the text; structured output uses `response_format:
 * json_schema` (never the removed `guided_json`); `extraBody` fields (e.g.
 * `chat_template_kwargs`) are sent as-is. Failures become {@link BackendError}.
 */
export async function callOpenAiCompatible(req: ChatRequest): Promise<ChatResponse> {
  const { model } = req;
  if (!model.endpoint || !model.servedModel)
    throw new BackendError({ kind: "http", status: 400, message: `model ${model.name} has no endpoint or served model name` });
  const content: ChatCompletionContentPart[] = [
    { type: "text", text: req.user },
    ...req.imageUrls.map((url) => ({ type: "image_url" as const, image_url: { url } })),
  ];
  const body = {
    ...model.extraBody,
    model: model.servedModel,
    messages: [
      { role: "system" as const, content: req.system },
      { role: "user" as const, content },
    ],
    temperature: model.temperature,
    max_tokens: model.maxTokens,
    ...(req.n > 1 ? { n: req.n } : {}),
    ...(req.jsonSchema
      ? { response_format: { type: "json_schema" as const, json_schema: { name: req.jsonSchema.name, schema: req.jsonSchema.schema } } }
      : {}),
  } as ChatCompletionCreateParamsNonStreaming;

  let completion: ChatCompletion;
  try {
    completion = await clientFor(model.endpoint, req.apiKey).chat.completions.create(body, { timeout: model.timeoutMs });
  } catch (e) {
    throw toBackendError(e, model.timeoutMs);
  }
  if (!Array.isArray(completion?.choices))
    throw new BackendError({ kind: "http", status: 502, message: "the server's answer has no choices" });
  const answers = completion.choices.map((c) => {
    // vLLM names the field `reasoning` (still emitting `reasoning_content`); SGLang uses `reasoning_content`.
    const m = c.message as typeof c.message & { reasoning?: string | null; reasoning_content?: string | null };
    return { content: m?.content ?? null, reasoning: m?.reasoning ?? m?.reasoning_content ?? null, finishReason: c.finish_reason ?? null };
  });
  const usage = completion.usage ? { prompt: completion.usage.prompt_tokens, completion: completion.usage.completion_tokens } : undefined;
  return { answers, ...(usage ? { usage } : {}) };
}

function toBackendError(e: unknown, timeoutMs: number): BackendError {
  if (e instanceof BackendError) return e;
  if (e instanceof APIConnectionTimeoutError) return new BackendError({ kind: "timeout", message: `no answer within ${timeoutMs} ms` });
  if (e instanceof APIConnectionError)
    return new BackendError({
      kind: "connection",
      message: `connection failed: ${e.cause instanceof Error ? e.cause.message : e.message}`,
    });
  if (e instanceof APIError && typeof e.status === "number") {
    const retryAfter = Number(e.headers?.get?.("retry-after"));
    return new BackendError({
      kind: "http",
      status: e.status,
      message: `HTTP ${e.status}: ${e.message}`.slice(0, 500),
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    });
  }
  // A body that is not JSON, or another surprise from the wire: treat like a bad gateway.
  return new BackendError({ kind: "http", status: 502, message: `unreadable answer: ${(e as Error)?.message ?? String(e)}`.slice(0, 500) });
}
