// Review test data straight in the tables: a shared fake image and
// trajectories in review with three instruction variants each.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { images, instructions, trajectories } from "@/db/schema";

const SHA = "f".repeat(64);

/** Inserts `n` in-review trajectories (one instruction version, three variants each); returns their ids. */
export async function makeReviewTrajectories(n: number, { category = "quality" as "quality" | "style" | "local" } = {}): Promise<string[]> {
  const db = getDb();
  await db.insert(images).values({ sha256: SHA, status: "ready", format: "jpeg", bytes: 1, width: 8, height: 8 }).onConflictDoNothing();
  const ids = Array.from({ length: n }, () => randomUUID());
  await db.insert(trajectories).values(
    ids.map((id) => ({
      id,
      sourceSha: SHA,
      targetSha: SHA,
      params: { Exposure2012: 0.5 },
      origin: "synthetic" as const,
      status: "in_review" as const,
      category,
    })),
  );
  await db.insert(instructions).values(
    ids.flatMap((trajectoryId) =>
      (["short", "medium", "long"] as const).map((variant) => ({
        trajectoryId,
        version: 1,
        variant,
        text: `${variant}: brighten the photo`,
        reasoning: "It looks dark.",
        modelName: "heuristic",
        backend: "heuristic",
        promptVersion: "heuristic-annotate-v1",
        status: "in_review" as const,
      })),
    ),
  );
  return ids;
}

/** Empties the review queue so each test file starts from its own items. */
export const clearReviewQueue = () => getDb().execute(sql`delete from work_slots where kind = 'review'`);
