import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { images } from "./images";
import { models } from "./models";
import { trajectories } from "./trajectories";

/**
 * `retoucheval`: drawn from the corpus test split (instruction + user edit);
 * `fivek`: MIT-Adobe FiveK protocol (input, expert target, fixed instruction);
 * `manifest`: imported from an external JSONL manifest.
 */
export const BENCHMARK_KINDS = ["retoucheval", "fivek", "manifest"] as const;
export type BenchmarkKind = (typeof BENCHMARK_KINDS)[number];

/**
 * A frozen, content-hashed list of evaluation items. `contentHash` is the
 * sha256 over the ordered items (source, reference, instruction, split), so
 * two benchmarks with the same hash are the same test set.
 */
export const benchmarks = pgTable("benchmarks", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: text("kind", { enum: BENCHMARK_KINDS }).notNull(),
  contentHash: text("content_hash").notNull(),
  /** Items of a frozen benchmark never change; every benchmark is frozen once built. */
  frozen: boolean("frozen").notNull().default(true),
  itemCount: integer("item_count").notNull().default(0),
  /** How it was built: seed, per-split count, manifest name, protocol notes. */
  config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
  description: text("description"),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One item of a benchmark. `trajectoryId` is set when the item came from the
 * corpus: training exporters refuse those trajectories (see lib/eval
 * `notInBenchmark`). `split` is the benchmark's column group
 * (quality/style/local for RetouchEval, `fivek` for FiveK, free for manifests).
 */
export const benchmarkItems = pgTable(
  "benchmark_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    benchmarkId: uuid("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    trajectoryId: uuid("trajectory_id").references(() => trajectories.id, { onDelete: "set null" }),
    instruction: text("instruction"),
    sourceSha: text("source_sha")
      .notNull()
      .references(() => images.sha256),
    referenceSha: text("reference_sha")
      .notNull()
      .references(() => images.sha256),
    split: text("split").notNull(),
    externalId: text("external_id"),
  },
  (t) => [
    unique("benchmark_items_position_uq").on(t.benchmarkId, t.position),
    index("benchmark_items_trajectory_idx")
      .on(t.trajectoryId)
      .where(sql`${t.trajectoryId} is not null`),
  ],
);

export const EVAL_RUN_STATUSES = ["queued", "running", "done", "failed", "cancelled"] as const;
export type EvalRunStatus = (typeof EVAL_RUN_STATUSES)[number];

/** Extra scorer run beside the pixel metrics: none, or the JarvisArt rule-based parameter reward. */
export const EVAL_SCORERS = ["none", "jarvisart-rules"] as const;
export type EvalScorer = (typeof EVAL_SCORERS)[number];

/**
 * One policy evaluated on one benchmark. `modelId` null means the built-in
 * heuristic policy; `modelName` is the leaderboard row label either way.
 * `completed` / `formatFailures` are progress counters kept in step with
 * eval_items (the rows are the truth; the counters are for the UI).
 */
export const evalRuns = pgTable(
  "eval_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    benchmarkId: uuid("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    modelId: uuid("model_id").references(() => models.id, { onDelete: "set null" }),
    modelName: text("model_name").notNull(),
    /** Judge model and prompt (id + version hash) that produced SC/PQ, recorded at start. */
    judgeModelName: text("judge_model_name"),
    judgePrompt: text("judge_prompt"),
    scorer: text("scorer", { enum: EVAL_SCORERS }).notNull().default("none"),
    /** LPIPS scorer endpoint used, null when none was configured (LPIPS then shown as absent). */
    lpipsEndpoint: text("lpips_endpoint"),
    status: text("status", { enum: EVAL_RUN_STATUSES }).notNull().default("queued"),
    total: integer("total").notNull().default(0),
    completed: integer("completed").notNull().default(0),
    formatFailures: integer("format_failures").notNull().default(0),
    error: text("error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("eval_runs_benchmark_idx").on(t.benchmarkId, t.createdAt)],
);

export const EVAL_PARSE_STATUSES = ["ok", "repaired", "format_error", "render_error"] as const;
export type EvalParseStatus = (typeof EVAL_PARSE_STATUSES)[number];

/** Pixel metrics of one output against its reference (see lib/imaging `computeEvalMetrics`). */
export type EvalItemMetrics = { l1: number; l2: number; psnr: number; ssim: number; lpips?: number | null };

/**
 * The scored result of one benchmark item in one run; exactly one row per
 * (run, item), written once when the item is finished, so a resumed run
 * skips it and never rescores it.
 */
export const evalItems = pgTable(
  "eval_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    runId: uuid("run_id")
      .notNull()
      .references(() => evalRuns.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => benchmarkItems.id, { onDelete: "cascade" }),
    parseStatus: text("parse_status", { enum: EVAL_PARSE_STATUSES }).notNull(),
    rawOutput: text("raw_output"),
    reasoning: text("reasoning"),
    outputParams: jsonb("output_params").$type<Record<string, unknown>>(),
    /** Rendered output image (blob sha256), null on a format failure. */
    outputSha: text("output_sha"),
    metrics: jsonb("metrics").$type<EvalItemMetrics>(),
    sc: real("sc"),
    pq: real("pq"),
    o: real("o"),
    judgeReasoning: text("judge_reasoning"),
    /** Rule-based reward terms when the run's scorer asks for them. */
    ruleReward: jsonb("rule_reward").$type<Record<string, number>>(),
    error: text("error"),
    scoredAt: timestamp("scored_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("eval_items_run_item_uq").on(t.runId, t.itemId)],
);
