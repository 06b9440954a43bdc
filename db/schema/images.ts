import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const IMAGE_STATUSES = ["pending", "ready", "failed"] as const;
export type ImageStatus = (typeof IMAGE_STATUSES)[number];

/**
 * One row per distinct image content. The primary key is the sha256 of the
 * original bytes, which is also its blob key, so an image is stored once.
 * `status` is the ingest state: the sweeper re-enqueues `pending` rows.
 */
export const images = pgTable(
  "images",
  {
    sha256: text("sha256").primaryKey(),
    status: text("status", { enum: IMAGE_STATUSES }).notNull().default("pending"),
    format: text("format").notNull(),
    bytes: integer("bytes").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    originalName: text("original_name"),
    previewKey: text("preview_key"),
    previewWidth: integer("preview_width"),
    previewHeight: integer("preview_height"),
    thumbnailKey: text("thumbnail_key"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp("ready_at", { withTimezone: true }),
  },
  (t) => [index("images_status_idx").on(t.status), index("images_created_idx").on(t.createdAt)],
);
