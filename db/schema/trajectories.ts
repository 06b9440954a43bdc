import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { images } from "./images";

export const TRAJECTORY_ORIGINS = ["import", "upload", "synthetic"] as const;
export const SPLITS = ["train", "val", "test"] as const;
export const CATEGORIES = ["quality", "style", "local"] as const;

/**
 * A before/after edit: the paper's (I0, I, e). `params` holds canonical
 * Lightroom `crs` keys (see lib/develop); the target image may be absent
 * until the develop engine renders it.
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
    origin: text("origin", { enum: TRAJECTORY_ORIGINS }).notNull(),
    split: text("split", { enum: SPLITS }).notNull().default("train"),
    category: text("category", { enum: CATEGORIES }).notNull().default("quality"),
    license: text("license"),
    consent: text("consent"),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("trajectories_source_idx").on(t.sourceSha), index("trajectories_split_category_idx").on(t.split, t.category)],
);
