import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { instructions } from "./corpus";
import { renders } from "./renders";
import { trajectories } from "./trajectories";

/** Who produced a candidate edit: the user's own edit (strong), the perturber, the policy, or a person's fix. */
export const CANDIDATE_ORIGINS = ["user", "perturber", "policy", "human_fix"] as const;
export type CandidateOrigin = (typeof CANDIDATE_ORIGINS)[number];

/**
 * Perturbation kinds the accuracy tables are split by. `model` is the
 * perturber role's own output; `policy` and `human_fix` are not perturbations
 * but share the column so one GROUP BY covers every pair.
 */
export const PERTURBATION_KINDS = ["omit", "scale_down", "over_edit", "wrong_direction", "wb_tone_shift", "model"] as const;
export type PerturbationKind = (typeof PERTURBATION_KINDS)[number];

export const WEAK_CHECK_VERDICTS = ["weaker", "not_weaker", "skipped"] as const;
export type WeakCheckVerdict = (typeof WEAK_CHECK_VERDICTS)[number];

/** One signed parameter change relative to the strong edit: `to - from` per crs key. */
export type ParamDiffEntry = { key: string; from: unknown; to: unknown };

/**
 * A rendered edit of a trajectory's source under one instruction. The strong
 * member of a pair is the `user` candidate: the ENGINE render of the user's
 * params (`renderer` = "engine:<version>"), never the Lightroom after-image,
 * so both members of every pair come from the same renderer.
 */
export const candidates = pgTable(
  "candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    instructionId: uuid("instruction_id").references(() => instructions.id, { onDelete: "cascade" }),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    /** sha256(canonical params): with (instruction, origin, strategy) the idempotency key. */
    paramsHash: text("params_hash").notNull(),
    /** The render-cache row of this candidate's engine render (null until rendered, and for a Lightroom reference). */
    renderKey: text("render_key").references(() => renders.cacheKey),
    /** Blob key (sha256) of the rendered image: the render's output, or the supplied after-image for `lightroom`. */
    imageKey: text("image_key"),
    /** "engine:<ENGINE_VERSION>" or "lightroom"; both members of a pair must match. */
    renderer: text("renderer").notNull(),
    origin: text("origin", { enum: CANDIDATE_ORIGINS }).notNull(),
    /** Perturbation strategy (`omit:k=2`, `scale:0.3`, …), `model:<name>` for the perturber role, null otherwise. */
    strategy: text("strategy"),
    kind: text("kind", { enum: PERTURBATION_KINDS }),
    modelId: uuid("model_id"),
    modelName: text("model_name"),
    round: integer("round"),
    /** The candidate this one was derived from (the strong edit, or the candidate a person fixed). */
    parentId: uuid("parent_id"),
    diffToStrong: jsonb("diff_to_strong").$type<ParamDiffEntry[]>().notNull().default([]),
    /** Parameter distance of these params from the source (no edit), for the "bigger change wins" baseline. */
    magnitude: real("magnitude").notNull().default(0),
    weakCheck: text("weak_check", { enum: WEAK_CHECK_VERDICTS }),
    weakCheckReason: text("weak_check_reason"),
    weakCheckBy: text("weak_check_by"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("candidates_instruction_idx").on(t.instructionId, t.origin),
    index("candidates_trajectory_idx").on(t.trajectoryId),
    uniqueIndex("candidates_identity_uq").on(t.trajectoryId, t.instructionId, t.origin, t.paramsHash),
  ],
);

export const PAIR_ORIGINS = ["perturbed", "policy", "human_fix"] as const;
export type PairOrigin = (typeof PAIR_ORIGINS)[number];
/** `accuracy` pairs are held out of training exports and used only to measure reward models. */
export const PAIR_SPLITS = ["train", "accuracy"] as const;
export type PairSplit = (typeof PAIR_SPLITS)[number];

/**
 * A strong/weak pair for one instruction. Gold pairs (large perturbations)
 * have a known answer and are mixed into human queues to score annotators.
 */
export const pairs = pgTable(
  "pairs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    instructionId: uuid("instruction_id")
      .notNull()
      .references(() => instructions.id, { onDelete: "cascade" }),
    strongId: uuid("strong_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    weakId: uuid("weak_id")
      .notNull()
      .references(() => candidates.id, { onDelete: "cascade" }),
    origin: text("origin", { enum: PAIR_ORIGINS }).notNull(),
    kind: text("kind", { enum: PERTURBATION_KINDS }),
    round: integer("round").notNull().default(1),
    gold: boolean("gold").notNull().default(false),
    /** For gold pairs: the answer a careful person must give. */
    goldAnswer: text("gold_answer", { enum: ["strong", "weak"] }),
    split: text("split", { enum: PAIR_SPLITS }).notNull().default("train"),
    /** Both members' renderer, copied so the invariant is one CHECK-able column pair. */
    renderer: text("renderer").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Judge jobs for this pair that ended with their attempts spent (see lib/preference/judge-failures.ts). */
    judgeFailures: integer("judge_failures").notNull().default(0),
    /** The last such job's error, and when it gave up; cleared when the judge labels the pair. */
    judgeError: text("judge_error"),
    judgeFailedAt: timestamp("judge_failed_at", { withTimezone: true }),
    /** When a training export first carried this pair: from then on it is training data, never held out to measure a model. */
    exportedAt: timestamp("exported_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("pairs_members_uq").on(t.strongId, t.weakId),
    index("pairs_instruction_idx").on(t.instructionId),
    index("pairs_origin_round_idx").on(t.origin, t.round),
    check("pairs_distinct_members", sql`${t.strongId} <> ${t.weakId}`),
  ],
);

/**
 * The perturb step of one instruction at one PGRT round (lib/preference/perturb-runs.ts): done,
 * or how its jobs failed. The sweeper queues an accepted instruction until its round 1 is done,
 * waits after a failure and gives up after a few, as for judge jobs.
 */
export const perturbRuns = pgTable(
  "perturb_runs",
  {
    instructionId: uuid("instruction_id")
      .notNull()
      .references(() => instructions.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Perturb jobs that ended with their attempts spent since the last completion. */
    failures: integer("failures").notNull().default(0),
    error: text("error"),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.instructionId, t.round] })],
);

export const LABELER_KINDS = ["human", "model"] as const;
export type LabelerKind = (typeof LABELER_KINDS)[number];
export const LABEL_CHOICES = ["strong", "weak", "tie", "both_bad"] as const;
export type LabelChoice = (typeof LABEL_CHOICES)[number];
export const LABEL_STRENGTHS = ["slightly", "clearly"] as const;
export const SIDES = ["strong", "weak"] as const;

/**
 * One verdict on a pair. `leftWas` records which member was shown as A (left),
 * so position bias can be audited. Model labels come in swapped pairs
 * (`swapped` false/true) and `positionBias` flags a pair whose two verdicts
 * disagree. One human label per (pair, user).
 */
export const labels = pgTable(
  "labels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    pairId: uuid("pair_id")
      .notNull()
      .references(() => pairs.id, { onDelete: "cascade" }),
    labelerKind: text("labeler_kind", { enum: LABELER_KINDS }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    modelId: uuid("model_id"),
    modelName: text("model_name"),
    choice: text("choice", { enum: LABEL_CHOICES }).notNull(),
    strength: text("strength", { enum: LABEL_STRENGTHS }),
    leftWas: text("left_was", { enum: SIDES }).notNull(),
    swapped: boolean("swapped").notNull().default(false),
    metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull().default({}),
    scoreStrong: real("score_strong"),
    scoreWeak: real("score_weak"),
    rawOutput: text("raw_output"),
    inferenceCallId: uuid("inference_call_id"),
    positionBias: boolean("position_bias").notNull().default(false),
    durationMs: integer("duration_ms"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("labels_human_uq")
      .on(t.pairId, t.userId)
      .where(sql`${t.labelerKind} = 'human'`),
    uniqueIndex("labels_model_uq")
      .on(t.pairId, t.modelName, t.swapped)
      .where(sql`${t.labelerKind} = 'model'`),
    index("labels_pair_idx").on(t.pairId),
    index("labels_user_idx").on(t.userId, t.createdAt),
  ],
);
