import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { images } from "./images";

export const RENDER_SIZES = ["full", "preview"] as const;
export type RenderSize = (typeof RENDER_SIZES)[number];

/**
 * Cache index of develop-engine renders: `cacheKey` =
 * sha256(source sha | canonical params | engine version | size) → the
 * content-addressed blob holding the result. Rows are never updated.
 */
export const renders = pgTable(
  "renders",
  {
    cacheKey: text("cache_key").primaryKey(),
    sourceSha: text("source_sha")
      .notNull()
      .references(() => images.sha256),
    canonicalParams: text("canonical_params").notNull(),
    engineVersion: integer("engine_version").notNull(),
    size: text("size", { enum: RENDER_SIZES }).notNull(),
    outputKey: text("output_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    notRendered: jsonb("not_rendered").$type<{ key: string; reason: string }[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("renders_source_idx").on(t.sourceSha)],
);
