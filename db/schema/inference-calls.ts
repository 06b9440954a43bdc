import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { MODEL_BACKENDS, MODEL_ROLES, models } from "./models";

/** How a call ended. Every call ends in exactly one of these; none is lost. */
export const CALL_STATUSES = ["ok", "format_error", "http_error", "timeout", "unavailable"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
/**
 * What the log column can hold: a row is written `started` before the request
 * goes out and completed with its outcome after; a row whose process died
 * mid-call is marked `abandoned` by the sweeper once its deadline passed.
 */
export const CALL_LOG_STATUSES = ["started", ...CALL_STATUSES, "abandoned"] as const;
export type CallLogStatus = (typeof CALL_LOG_STATUSES)[number];

/**
 * One row per gateway call (after its retries): what was asked (request hash,
 * prompt version hash, input refs), of which model, how it ended, the raw
 * output and what it parsed to. Rows with status `ok` and temperature 0 are the
 * cache for identical requests.
 */
export const inferenceCalls = pgTable(
  "inference_calls",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestHash: text("request_hash").notNull(),
    role: text("role", { enum: MODEL_ROLES }).notNull(),
    modelId: uuid("model_id").references(() => models.id, { onDelete: "set null" }),
    modelName: text("model_name").notNull(),
    backend: text("backend", { enum: MODEL_BACKENDS }).notNull(),
    /** e.g. `annotator/v1`. */
    promptId: text("prompt_id").notNull(),
    /** sha256 of the prompt template file. */
    promptVersion: text("prompt_version").notNull(),
    temperature: real("temperature").notNull(),
    status: text("status", { enum: CALL_LOG_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(1),
    latencyMs: integer("latency_ms").notNull(),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    /** Image sha256s and other non-text inputs, so the call can be traced and re-run. */
    inputs: jsonb("inputs").$type<Record<string, unknown>>().notNull(),
    rawOutput: text("raw_output"),
    reasoning: text("reasoning"),
    parsed: jsonb("parsed"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** For `started` rows: when the call must have ended (timeouts × attempts + margin); past it the sweeper marks it abandoned. */
    deadlineAt: timestamp("deadline_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("inference_calls_hash_idx").on(t.requestHash, t.status),
    index("inference_calls_role_created_idx").on(t.role, t.createdAt),
    index("inference_calls_started_idx")
      .on(t.deadlineAt)
      .where(sql`status = 'started'`),
  ],
);
