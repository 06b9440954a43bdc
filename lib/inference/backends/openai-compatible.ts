import "server-only";
import type { ChatCompletion } from "openai/resources/chat/completions";
import type { ModelConfig } from "../models/model-config";
import type { RawAnswer } from "../parsers/clean-answer";
import { BackendError } from "./backend-error";
import { encodeChatBody } from "./chat-body";
import { postJson } from "./post-json";
import { endpointBase } from "../endpoint-base";

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
  const fields = {
    ...model.extraBody,
    model: model.servedModel,
    temperature: model.temperature,
    max_tokens: model.maxTokens,
    ...(req.n > 1 ? { n: req.n } : {}),
    ...(req.jsonSchema
      ? { response_format: { type: "json_schema", json_schema: { name: req.jsonSchema.name, schema: req.jsonSchema.schema } } }
      : {}),
  };
  const body = encodeChatBody({ fields, system: req.system, user: req.user, imageUrls: req.imageUrls });
  const { body: answer } = await postJson(completionsUrl(model.endpoint), body, {
    headers: { authorization: `Bearer ${req.apiKey}` },
    timeoutMs: model.timeoutMs,
  });
  const completion = answer as Partial<ChatCompletion> | null;
  if (!Array.isArray(completion?.choices))
    throw new BackendError({ kind: "http", status: 502, message: "the server's answer has no choices" });
  const answers = completion.choices.map((c) => {
    // vLLM names the field `reasoning` (still emitting `reasoning_content`); SGLang uses `reasoning_content`.
    const m = c?.message as
      (ChatCompletion.Choice["message"] & { reasoning?: string | null; reasoning_content?: string | null }) | undefined;
    return { content: m?.content ?? null, reasoning: m?.reasoning ?? m?.reasoning_content ?? null, finishReason: c?.finish_reason ?? null };
  });
  const usage = completion.usage ? { prompt: completion.usage.prompt_tokens, completion: completion.usage.completion_tokens } : undefined;
  return { answers, ...(usage ? { usage } : {}) };
}

/** `{endpoint}/chat/completions`, the endpoint being the base URL that ends in `/v1` (a trailing slash is allowed). */
function completionsUrl(endpoint: string): URL {
  try {
    return new URL(`${endpointBase(endpoint)}/chat/completions`);
  } catch {
    throw new BackendError({ kind: "http", status: 400, message: `the endpoint ${endpoint.slice(0, 200)} is not a URL` });
  }
}
