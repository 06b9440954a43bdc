import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { trajectories } from "./trajectories";

export const IMPORT_KINDS = ["manifest", "folder"] as const;
export const IMPORT_STATUSES = ["running", "done", "failed"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * One import run (CLI or web). `root` is the folder row paths resolve
 * against, so `--resume <id>` can continue a run from its row records.
 */
export const imports = pgTable("imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
  status: text("status", { enum: IMPORT_STATUSES }).notNull().default("running"),
  /** Human label: the manifest's file name or the folder's name. */
  source: text("source").notNull(),
  root: text("root").notNull(),
  manifestPath: text("manifest_path"),
  total: integer("total").notNull().default(0),
  imported: integer("imported").notNull().default(0),
  duplicates: integer("duplicates").notNull().default(0),
  failed: integer("failed").notNull().default(0),
  error: text("error"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const IMPORT_ROW_STATUSES = ["imported", "duplicate", "failed"] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** The outcome of each manifest line / folder item: what resume skips and what the report lists. */
export const importRows = pgTable(
  "import_rows",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    line: integer("line").notNull(),
    ref: text("ref"),
    status: text("status", { enum: IMPORT_ROW_STATUSES }).notNull(),
    reason: text("reason"),
    trajectoryId: uuid("trajectory_id"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

export const INSTRUCTION_VARIANTS = ["short", "medium", "long"] as const;
export type InstructionVariant = (typeof INSTRUCTION_VARIANTS)[number];
export const INSTRUCTION_STATUSES = ["in_review", "filtered_out", "accepted", "rejected", "superseded"] as const;
export type InstructionStatus = (typeof INSTRUCTION_STATUSES)[number];

/** Why a filter removed an annotation; every filter that fired is kept. */
export type FilterReason = { filter: string; reason: string };

/**
 * The annotator's intention g (one row per length variant) and reasoning q.
 * Re-annotating writes a new `version`; rows are never overwritten.
 * `lockVersion` is bumped on every update (optimistic locking for reviewers).
 */
export const instructions = pgTable(
  "instructions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    variant: text("variant", { enum: INSTRUCTION_VARIANTS }).notNull(),
    text: text("text").notNull(),
    reasoning: text("reasoning").notNull().default(""),
    modelId: text("model_id"),
    modelName: text("model_name").notNull(),
    backend: text("backend").notNull(),
    promptVersion: text("prompt_version").notNull(),
    status: text("status", { enum: INSTRUCTION_STATUSES }).notNull().default("in_review"),
    filterReasons: jsonb("filter_reasons").$type<FilterReason[]>().notNull().default([]),
    lockVersion: integer("lock_version").notNull().default(1),
    /**
     * The training instruction once review accepted it: the model's text or a
     * reviewer's edit (`text` keeps the model's). Exports and snapshots use
     * `final_text` of accepted rows (lib/review `getTrainingInstructions`).
     */
    finalText: text("final_text"),
    finalReasoning: text("final_reasoning"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("instructions_version_variant_uq").on(t.trajectoryId, t.version, t.variant),
    index("instructions_status_idx").on(t.status),
    // Full-text search in the browser: ILIKE '%…%' served by trigrams (pg_trgm, custom migration).
    index("instructions_text_trgm_idx").using("gin", sql`${t.text} gin_trgm_ops`),
  ],
);

export const REVIEW_DECISIONS = ["accept", "reject", "edit"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REJECT_REASONS = ["unclear_intent", "wrong_direction", "unchanged_parameter", "not_retouching", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
/** `annotation`: one annotator's blind decision; `adjudication`: a reviewer's final word on a disagreement. */
export const REVIEW_STAGES = ["annotation", "adjudication"] as const;

/**
 * Append-only: a review is never updated. One row per instruction variant per
 * submission (a submission groups them). `baseText` is the text the reviewer
 * saw, `editedText` what they made of it, so every row is its own audit.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instructionId: uuid("instruction_id")
      .notNull()
      .references(() => instructions.id, { onDelete: "cascade" }),
    trajectoryId: uuid("trajectory_id"),
    submissionId: uuid("submission_id"),
    stage: text("stage", { enum: REVIEW_STAGES }).notNull().default("annotation"),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
    reason: text("reason", { enum: REJECT_REASONS }),
    comment: text("comment"),
    baseText: text("base_text"),
    editedText: text("edited_text"),
    editedReasoning: text("edited_reasoning"),
    /** "The edit itself is bad": the before/after pair should not be training data. */
    editBad: boolean("edit_bad").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reviews_instruction_idx").on(t.instructionId, t.createdAt),
    index("reviews_reviewer_idx").on(t.reviewerId, t.createdAt),
    // A double submit (two tabs, a retried request) writes one decision.
    uniqueIndex("reviews_one_per_reviewer_uq").on(t.instructionId, t.reviewerId, t.stage),
  ],
);

/** Trajectories whose annotators disagreed: a reviewer adjudicates them. */
export const reviewDisputes = pgTable("review_disputes", {
  trajectoryId: uuid("trajectory_id")
    .primaryKey()
    .references(() => trajectories.id, { onDelete: "cascade" }),
  instructionVersion: integer("instruction_version").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
});

/** An immutable, content-hashed selection of trajectories: what exporters and benchmarks cite. */
export const snapshots = pgTable("snapshots", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** sha256 of the canonical manifest (sorted `id\tparamsHash\tsplit\tcategory` lines). */
  hash: text("hash").notNull().unique(),
  name: text("name").notNull(),
  filter: jsonb("filter").$type<Record<string, unknown>>().notNull(),
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
  itemCount: integer("item_count").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The manifest of a snapshot, one row per trajectory (params pinned by hash). */
export const snapshotItems = pgTable(
  "snapshot_items",
  {
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    paramsHash: text("params_hash").notNull(),
    split: text("split").notNull(),
    category: text("category").notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.trajectoryId] })],
);

/**
 * Row counts of `trajectories` by status × category × split, kept exact by
 * statement-level triggers (custom migration `corpus-counts`), so the
 * dashboard never runs a GROUP BY over the whole table.
 */
export const corpusCounts = pgTable(
  "corpus_counts",
  {
    status: text("status").notNull(),
    category: text("category").notNull(),
    split: text("split").notNull(),
    n: bigint("n", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.status, t.category, t.split] })],
);
