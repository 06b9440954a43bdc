import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { images } from "./images";

/**
 * `preset-derived`: a real photo crop × a real Camera Raw preset (scripts/make-preset-corpus.ts),
 * training material for the compact trainer, never a real user's trajectory.
 */
export const TRAJECTORY_ORIGINS = ["import", "upload", "synthetic", "preset-derived"] as const;
export const SPLITS = ["train", "val", "test"] as const;
export const CATEGORIES = ["quality", "style", "local"] as const;
export type Split = (typeof SPLITS)[number];
export type Category = (typeof CATEGORIES)[number];

/**
 * Where a trajectory is in the annotation pipeline:
 * `imported` → (render, annotate, filter) → `in_review` or `filtered_out`;
 * review then moves it to `accepted` / `rejected`. `failed` needs a person.
 */
export const TRAJECTORY_STATUSES = ["imported", "in_review", "filtered_out", "accepted", "rejected", "failed"] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

/**
 * A before/after edit: the paper's (I0, I, e). `params` holds canonical
 * Lightroom `crs` keys (see lib/develop); `targetSha` is either the after
 * image the source supplied (then `fidelity*` say how close the engine's own
 * render came to it) or the engine's render (`targetRendered`).
 */
export const trajectories = pgTable(
  "trajectories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sourceSha: text("source_sha")
      .notNull()
      .references(() => images.sha256),
    targetSha: text("target_sha").references(() => images.sha256),
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    /** sha256 of `canonicalParams(params)`: what snapshots and exports pin. */
    paramsHash: text("params_hash"),
    /** sha256(source sha | canonical params): the dedup key, so re-importing adds nothing. */
    contentKey: text("content_key").unique(),
    origin: text("origin", { enum: TRAJECTORY_ORIGINS }).notNull(),
    status: text("status", { enum: TRAJECTORY_STATUSES }).notNull().default("imported"),
    split: text("split", { enum: SPLITS }).notNull().default("train"),
    category: text("category", { enum: CATEGORIES }).notNull().default("quality"),
    /** Which rule (or the manifest) chose the category, for the browser and audits. */
    categoryReason: text("category_reason"),
    hasLocalCorrections: boolean("has_local_corrections").notNull().default(false),
    /** true when the develop engine rendered the after image (none was supplied). */
    targetRendered: boolean("target_rendered").notNull().default(false),
    /** Engine render vs the supplied after image: mean L1 on [0,1] and mean ΔE76. */
    fidelityL1: real("fidelity_l1"),
    fidelityDeltaE: real("fidelity_delta_e"),
    /** Excluded rows stay for provenance but are left out of snapshots and exports. */
    excluded: boolean("excluded").notNull().default(false),
    /** Free-text source label (manifest file, folder name) and the import run that created it. */
    source: text("source"),
    importId: uuid("import_id"),
    license: text("license"),
    consent: text("consent"),
    externalId: text("external_id"),
    /** Last pipeline failure, shown in the browser. */
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("trajectories_source_idx").on(t.sourceSha),
    index("trajectories_split_category_idx").on(t.split, t.category),
    // The browser's keyset order is (created_at desc, id desc); one plain index plus
    // per-filter variants keep a filtered page an index walk, not a sort.
    index("trajectories_keyset_idx").on(t.createdAt.desc(), t.id.desc()),
    index("trajectories_status_keyset_idx").on(t.status, t.createdAt.desc(), t.id.desc()),
    index("trajectories_split_keyset_idx").on(t.split, t.category, t.createdAt.desc(), t.id.desc()),
    // A split or a category alone (the search walks these in keyset order, as the list does).
    index("trajectories_split_only_keyset_idx").on(t.split, t.createdAt.desc(), t.id.desc()),
    index("trajectories_category_keyset_idx").on(t.category, t.createdAt.desc(), t.id.desc()),
    index("trajectories_import_idx").on(t.importId),
    index("trajectories_local_idx")
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.hasLocalCorrections}`),
  ],
);
