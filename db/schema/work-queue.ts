import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

/** Item kinds the shared work queue serves; add one per workspace (review, compare, …). */
export const WORK_KINDS = ["review", "compare"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/**
 * The shared work queue with leases (lib/review/queue). An item that needs k
 * independent decisions ("overlap" k) has k slots; a slot is free, leased to
 * one user until `expiresAt`, or done (that user decided). A slot row is the
 * unit the claim statement locks (`FOR UPDATE SKIP LOCKED`), so one slot is
 * never handed to two users; the unique index on (kind, item, user) means a
 * user never holds or decides two slots of one item.
 */
export const workSlots = pgTable(
  "work_slots",
  {
    kind: text("kind", { enum: WORK_KINDS }).notNull(),
    itemId: uuid("item_id").notNull(),
    slot: integer("slot").notNull(),
    /** Higher first; a researcher sets it (by category, import, …). */
    priority: integer("priority").notNull().default(0),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    renewedAt: timestamp("renewed_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Set once the holder decided: the slot is then never handed out again. */
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.itemId, t.slot] }),
    uniqueIndex("work_slots_user_item_uq").on(t.kind, t.itemId, t.userId),
    // The claim walks this index in priority order over open slots only.
    index("work_slots_open_idx")
      .on(t.kind, t.priority.desc(), t.createdAt, t.itemId, t.slot)
      .where(sql`${t.doneAt} is null`),
    index("work_slots_user_idx").on(t.userId, t.kind),
  ],
);

/** Per-kind queue settings a researcher changes: how many users decide each new item. */
export const workSettings = pgTable("work_settings", {
  kind: text("kind", { enum: WORK_KINDS }).primaryKey(),
  overlap: integer("overlap").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
