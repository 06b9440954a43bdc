import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { trajectories } from "./trajectories";

/**
 * Edits saved from the Develop page (and the preference work's "Fix it") as new versions of a
 * trajectory's edit: the trajectory's own `params` are never overwritten. `version` counts from 1
 * per trajectory; `basedOn` is the saved edit this one started from (null: the trajectory's own).
 */
export const trajectoryEdits = pgTable(
  "trajectory_edits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    params: jsonb("params").$type<Record<string, unknown>>().notNull(),
    paramsHash: text("params_hash").notNull(),
    basedOn: uuid("based_on").references((): AnyPgColumn => trajectoryEdits.id, { onDelete: "set null" }),
    engineVersion: integer("engine_version").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("trajectory_edits_version_uq").on(t.trajectoryId, t.version),
    index("trajectory_edits_trajectory_idx").on(t.trajectoryId, t.version.desc()),
  ],
);
