import "server-only";
import type { models, ModelRole } from "@/db/schema";
import { decryptSecret } from "./secrets";

/** A model row as the gateway uses it; `id` is null for the built-in heuristic. */
export type ModelConfig = Omit<typeof models.$inferSelect, "id" | "createdBy" | "createdAt" | "updatedAt"> & { id: string | null };

/** What results say about the model that produced them. */
export type ModelRef = { id: string | null; name: string; backend: ModelConfig["backend"] };

/** Name of the built-in model for a role. It is always labelled heuristic. */
export const builtinModelName = (role: ModelRole) => `heuristic-${role}`;

/** The model used when no model is active for `role`: the deterministic heuristic, never an MLLM. */
export function builtinHeuristic(role: ModelRole): ModelConfig {
  return {
    id: null,
    name: builtinModelName(role),
    role,
    backend: "heuristic",
    endpoint: null,
    servedModel: null,
    pixelBudget: 1_003_520,
    concurrency: 8,
    promptVersion: "v1",
    temperature: 0,
    maxTokens: 4096,
    timeoutMs: 120_000,
    maxRetries: 0,
    formatRetries: 0,
    imageTransport: "data",
    imageUrlTemplate: null,
    structuredOutput: false,
    extraBody: {},
    apiKeyEnv: null,
    apiKeyEncrypted: null,
    active: true,
  };
}

export const modelRef = (m: ModelConfig): ModelRef => ({ id: m.id, name: m.name, backend: m.backend });

/**
 * Model API keys may only come from env vars with this prefix, so an admin
 * can never point a model (and "test connection" to any URL) at the auth
 * secret or the database URL.
 */
export const MODEL_KEY_PREFIX = "MODEL_KEY_";
export const isModelKeyVar = (name: string) => /^MODEL_KEY_[A-Z0-9_]{1,100}$/.test(name);

/** The API key to send: from the named MODEL_KEY_* env var, else the decrypted stored key, else "EMPTY" (vLLM without --api-key). */
export function resolveApiKey(m: Pick<ModelConfig, "apiKeyEnv" | "apiKeyEncrypted">): string {
  if (m.apiKeyEnv) return (isModelKeyVar(m.apiKeyEnv) && process.env[m.apiKeyEnv]) || "EMPTY";
  if (m.apiKeyEncrypted) return decryptSecret(m.apiKeyEncrypted);
  return "EMPTY";
}
