import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { instructions } from "@/db/schema";
import type { Tx } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { DecisionsInput } from "./decision-input";

/**
 * Locks the instruction rows a submission names and checks them: they must be
 * the trajectory's newest version, and unchanged since the reviewer loaded them
 * (optimistic locking). A change is a CONFLICT that carries both texts. One
 * round trip; with `reviewerId` it also says whether that reviewer already
 * decided these rows (`already`: the caller treats the call as a repeat).
 */
export async function loadForDecision(tx: Tx, input: DecisionsInput, { reviewerId }: { reviewerId?: string } = {}) {
  const ids = input.decisions.map((d) => d.instructionId);
  const newestVersion = sql`(select max(i2.version) from instructions i2 where i2.trajectory_id = ${input.trajectoryId})`;
  const found = await tx
    .select({
      row: instructions,
      newest: sql<number>`${newestVersion}::int`,
      variants: sql<number>`(select count(*) from instructions i3 where i3.trajectory_id = ${input.trajectoryId} and i3.version = ${newestVersion})::int`,
      already: reviewerId
        ? sql<boolean>`exists (select 1 from reviews r where r.instruction_id in ${ids} and r.reviewer_id = ${reviewerId} and r.stage = 'annotation')`
        : sql<boolean>`false`,
    })
    .from(instructions)
    .where(and(inArray(instructions.id, ids), eq(instructions.trajectoryId, input.trajectoryId)))
    .for("update", { of: instructions });
  if (found[0]?.already) return { already: true as const, rows: [], version: 0 };
  const rows = found.map((f) => f.row);
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "Some of these instructions are not part of this trajectory");
  const { newest, variants } = found[0];
  if (new Set(ids).size !== variants) throw new AppError("VALIDATION", `Decide each of the ${variants} instruction variants once`);
  const conflicts = input.decisions.flatMap((d) => {
    const row = rows.find((r) => r.id === d.instructionId)!;
    if (row.lockVersion === d.lockVersion && row.version === newest) return [];
    return [
      {
        variant: row.variant,
        theirs: row.finalText ?? row.text,
        yours: d.decision === "edit" ? d.text! : d.decision === "reject" ? `(reject: ${d.reason})` : "(accept as shown)",
      },
    ];
  });
  if (conflicts.length) {
    throw new AppError(
      "CONFLICT",
      "Someone changed this item while you were reviewing it. Compare the texts, then reload to review the current version.",
      { conflicts },
    );
  }
  return { already: false as const, rows, version: rows[0].version };
}
