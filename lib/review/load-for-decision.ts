import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { instructions } from "@/db/schema";
import type { Tx } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { DecisionsInput } from "./decision-input";

/**
 * Locks the instruction rows a submission names and checks them: they must be
 * the trajectory's newest version, and unchanged since the reviewer loaded them
 * (optimistic locking). A change is a CONFLICT that carries both texts.
 */
export async function loadForDecision(tx: Tx, input: DecisionsInput) {
  const ids = input.decisions.map((d) => d.instructionId);
  const rows = await tx
    .select()
    .from(instructions)
    .where(and(inArray(instructions.id, ids), eq(instructions.trajectoryId, input.trajectoryId)))
    .for("update");
  if (rows.length !== ids.length) throw new AppError("NOT_FOUND", "Some of these instructions are not part of this trajectory");
  const [{ newest, variants }] = (await tx.execute(sql`
    select max(version)::int as newest,
           count(*) filter (where version = (select max(version) from instructions where trajectory_id = ${input.trajectoryId}))::int as variants
    from instructions where trajectory_id = ${input.trajectoryId}`)) as unknown as { newest: number; variants: number }[];
  if (new Set(ids).size !== variants) throw new AppError("VALIDATION", `Decide each of the ${variants} instruction variants once`);
  const conflicts = input.decisions.flatMap((d) => {
    const row = rows.find((r) => r.id === d.instructionId)!;
    if (row.lockVersion === d.lockVersion && row.version === newest) return [];
    return [{ variant: row.variant, theirs: row.finalText ?? row.text, yours: d.decision === "edit" ? d.text! : d.decision === "reject" ? `(reject: ${d.reason})` : "(accept as shown)" }];
  });
  if (conflicts.length) {
    throw new AppError("CONFLICT", "Someone changed this item while you were reviewing it. Compare the texts, then reload to review the current version.", { conflicts });
  }
  return { rows, version: rows[0].version };
}
