import { index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { snapshots } from "./corpus";
import { TRAINER_BACKENDS } from "./training";

/**
 * The steps of one alternating round (paper §4.3), in order. Each is
 * resumable: its outputs are rows (exports, runs, models, pairs, labels), and
 * the step is only marked done once they exist.
 */
export const ROUND_STEPS = [
  "export",
  "train_reward",
  "register_reward",
  "train_policy",
  "register_policy",
  "rollout",
  "label",
  "evaluate",
  "done",
] as const;
export type RoundStep = (typeof ROUND_STEPS)[number];
export const ROUND_STATUSES = ["running", "failed", "done"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export type StepState = { status: "pending" | "running" | "done" | "failed"; startedAt?: string; finishedAt?: string; detail?: string };

/** The pair sets a round's reward model is measured on. */
export const ACCURACY_SETS = ["perturbed", "policy", "gold"] as const;
export type AccuracySet = (typeof ACCURACY_SETS)[number];

/** One PGRT round: its reward model and policy, the data and runs that made them, and how good they are. */
export const rounds = pgTable(
  "rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: integer("number").notNull().unique(),
    previousRoundId: uuid("previous_round_id"),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("running"),
    step: text("step", { enum: ROUND_STEPS }).notNull().default("export"),
    steps: jsonb("steps").$type<Partial<Record<RoundStep, StepState>>>().notNull().default({}),
    snapshotId: uuid("snapshot_id").references(() => snapshots.id, { onDelete: "set null" }),
    backend: text("backend", { enum: TRAINER_BACKENDS }).notNull().default("local"),
    /** Backend options: the local command (argv), Ray engine, sample sizes. */
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    rewardExportId: uuid("reward_export_id"),
    policyExportId: uuid("policy_export_id"),
    rewardRunId: uuid("reward_run_id"),
    policyRunId: uuid("policy_run_id"),
    rewardModelId: uuid("reward_model_id"),
    policyModelId: uuid("policy_model_id"),
    /** The policy's benchmark score (0–10) with a 95% bootstrap interval. */
    policyScore: real("policy_score"),
    policyScoreLo: real("policy_score_lo"),
    policyScoreHi: real("policy_score_hi"),
    policyScoreN: integer("policy_score_n"),
    error: text("error"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rounds_status_idx").on(t.status)],
);

/** Reward-model accuracy of a round on one held-out pair set, with its interval and the two baselines. */
export const roundAccuracy = pgTable(
  "round_accuracy",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id, { onDelete: "cascade" }),
    set: text("set", { enum: ACCURACY_SETS }).notNull(),
    n: integer("n").notNull(),
    accuracy: real("accuracy").notNull(),
    lo: real("lo").notNull(),
    hi: real("hi").notNull(),
    /** Fraction of pairs where both swapped judgements disagreed (position bias). */
    positionBias: real("position_bias").notNull().default(0),
    randomBaseline: real("random_baseline").notNull(),
    biggerChangeBaseline: real("bigger_change_baseline").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.set] })],
);
