import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** The model roles of the loop (paper §3.2, §4.1, §4.2 and the evaluation judge). */
export const MODEL_ROLES = ["annotator", "perturber", "policy", "reward", "judge"] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

/** `heuristic` is the built-in, model-free default; `openai-compatible` speaks /v1/chat/completions (vLLM, SGLang, hosted). */
export const MODEL_BACKENDS = ["heuristic", "openai-compatible"] as const;
export type ModelBackend = (typeof MODEL_BACKENDS)[number];

/** How images reach the server: inline base64, a `file://` path it can read, or an http(s) URL template. */
export const IMAGE_TRANSPORTS = ["data", "file-url", "http-url"] as const;
export type ImageTransport = (typeof IMAGE_TRANSPORTS)[number];

/**
 * A configured model for one role. At most one row per role is active (partial
 * unique index); when none is, the gateway falls back to the built-in heuristic.
 * Secrets are never stored in clear: either the NAME of an env var holding the
 * key (`apiKeyEnv`) or the key encrypted with AES-256-GCM (`apiKeyEncrypted`).
 */
export const models = pgTable(
  "models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull().unique(),
    role: text("role", { enum: MODEL_ROLES }).notNull(),
    backend: text("backend", { enum: MODEL_BACKENDS }).notNull(),
    /** Base URL including `/v1`, e.g. `http://grm:8000/v1`. */
    endpoint: text("endpoint"),
    /** `--served-model-name` on the server. */
    servedModel: text("served_model"),
    /** Images are resized to at most this many pixels before sending (match the trainer's max_pixels). */
    pixelBudget: integer("pixel_budget").notNull().default(1_003_520),
    /** Requests in flight to this endpoint, shared by every worker process. */
    concurrency: integer("concurrency").notNull().default(8),
    promptVersion: text("prompt_version").notNull().default("v1"),
    temperature: real("temperature").notNull().default(0),
    maxTokens: integer("max_tokens").notNull().default(4096),
    timeoutMs: integer("timeout_ms").notNull().default(120_000),
    /** Retries on 429/5xx/connection errors/timeouts (with backoff). */
    maxRetries: integer("max_retries").notNull().default(3),
    /** Retries when the answer cannot be parsed. */
    formatRetries: integer("format_retries").notNull().default(2),
    imageTransport: text("image_transport", { enum: IMAGE_TRANSPORTS }).notNull().default("data"),
    /** For `http-url`: a URL with `{sha256}`, e.g. `https://assets.lab/blobs/{sha256}`. */
    imageUrlTemplate: text("image_url_template"),
    /** Send `response_format: json_schema` for roles whose output is JSON. */
    structuredOutput: boolean("structured_output").notNull().default(true),
    /** Extra body fields sent as-is (e.g. `chat_template_kwargs`, `top_k`). */
    extraBody: jsonb("extra_body").$type<Record<string, unknown>>().notNull().default({}),
    apiKeyEnv: text("api_key_env"),
    apiKeyEncrypted: text("api_key_encrypted"),
    active: boolean("active").notNull().default(false),
    /** Where a trained model's weights are (`file://…`, `s3://…`): set when a training run registers it. */
    checkpointUri: text("checkpoint_uri"),
    /** The model this one was trained from (the previous round's), for lineage. */
    parentId: uuid("parent_id"),
    /** The training round that produced it (null for models configured by hand). */
    round: integer("round"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("models_one_active_per_role")
      .on(t.role)
      .where(sql`${t.active}`),
    index("models_role_idx").on(t.role),
  ],
);
