import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { snapshots } from "./corpus";

/**
 * Dataset formats the exporters write (see ../shared ENGINES.md and lib/training/export):
 * EasyR1 and verl RL rows for the policy (1 image) and the reward model's PGRT
 * (3 images), and LLaMA-Factory sharegpt SFT for the policy and the reward model.
 */
export const EXPORT_FORMATS = [
  "easyr1-policy",
  "easyr1-pgrt",
  "verl-policy",
  "verl-pgrt",
  "llamafactory-policy-sft",
  "llamafactory-reward-sft",
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One file of an export: where it sits in the bundle and which blob holds its bytes. */
export type ExportFile = { path: string; blobKey: string; size: number; contentType: string };

/**
 * An immutable export: the manifest (also stored as `manifest.json` in the
 * bundle) names every file by blob key, so images are stored once and
 * referenced. `hash` is the content hash of format + files, so exporting the
 * same data twice returns the same row.
 */
export const trainingExports = pgTable(
  "training_exports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    hash: text("hash").notNull().unique(),
    format: text("format", { enum: EXPORT_FORMATS }).notNull(),
    name: text("name").notNull(),
    snapshotId: uuid("snapshot_id").references(() => snapshots.id, { onDelete: "set null" }),
    roundId: uuid("round_id"),
    files: jsonb("files").$type<ExportFile[]>().notNull(),
    counts: jsonb("counts").$type<Record<string, number>>().notNull(),
    manifestKey: text("manifest_key").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_exports_created_idx").on(t.createdAt)],
);

export const TRAINER_BACKENDS = ["ray", "local"] as const;
export type TrainerBackend = (typeof TRAINER_BACKENDS)[number];
export const TRAINING_RUN_KINDS = ["reward", "policy"] as const;
export type TrainingRunKind = (typeof TRAINING_RUN_KINDS)[number];
/** Ray's job states plus `pending` (not yet submitted); terminal: succeeded, failed, stopped. */
export const TRAINING_RUN_STATUSES = ["pending", "submitted", "running", "succeeded", "failed", "stopped"] as const;
export type TrainingRunStatus = (typeof TRAINING_RUN_STATUSES)[number];

/** A metric point pushed by a trainer (`POST /api/v1/training-runs/:id/events`). */
export type RunMetric = { step: number; name: string; value: number; at: string };

/**
 * One training job on a backend. `submissionId` is the idempotency key sent to
 * Ray (`run-<id>-<kind>`), so a retried submit never launches twice.
 */
export const trainingRuns = pgTable(
  "training_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id"),
    kind: text("kind", { enum: TRAINING_RUN_KINDS }).notNull(),
    backend: text("backend", { enum: TRAINER_BACKENDS }).notNull(),
    engine: text("engine").notNull(),
    templateVersion: text("template_version").notNull(),
    exportId: uuid("export_id").references(() => trainingExports.id, { onDelete: "set null" }),
    submissionId: text("submission_id").notNull().unique(),
    status: text("status", { enum: TRAINING_RUN_STATUSES }).notNull().default("pending"),
    entrypoint: text("entrypoint").notNull(),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    logTail: text("log_tail").notNull().default(""),
    metrics: jsonb("metrics").$type<RunMetric[]>().notNull().default([]),
    checkpointUri: text("checkpoint_uri"),
    modelId: uuid("model_id"),
    error: text("error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("training_runs_round_idx").on(t.roundId),
    index("training_runs_active_idx")
      .on(t.status)
      .where(sql`${t.status} in ('pending','submitted','running')`),
  ],
);

/**
 * The reward service's memo: one result per (sample, response hash, reward
 * model), so a trainer retrying a batch gets the same numbers without a
 * second render or model call.
 */
export const rewardResults = pgTable(
  "reward_results",
  {
    sampleId: text("sample_id").notNull(),
    responseHash: text("response_hash").notNull(),
    modelKey: text("model_key").notNull(),
    overall: real("overall").notNull(),
    format: real("format").notNull(),
    grm: real("grm").notNull(),
    parseOk: boolean("parse_ok").notNull(),
    renderOk: boolean("render_ok").notNull(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sampleId, t.responseHash, t.modelKey] })],
);
