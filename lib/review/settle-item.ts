import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { instructions, reviewDisputes, reviews, trajectories } from "@/db/schema";
import { verdictKey } from "./decision-input";

type Final = { instructionId: string; accepted: boolean; text: string | null; reasoning: string | null };

/**
 * Makes decisions final: accepted variants get their training text (the
 * model's or the edit; `text` keeps the model's), rejected ones are marked,
 * the trajectory becomes `accepted` (some variant accepted and the edit is
 * fine) or `rejected`. Bumps `lockVersion` so open views see the change.
 * One statement for all variants and the trajectory.
 */
export async function applyFinal(tx: Tx, trajectoryId: string, finals: Final[], editBad: boolean) {
  const status = !editBad && finals.some((f) => f.accepted) ? "accepted" : "rejected";
  await tx.execute(sql`
    with f as (
      select * from jsonb_to_recordset(${JSON.stringify(finals)}::jsonb) as f("instructionId" uuid, accepted boolean, text text, reasoning text)
    ), variants as (
      update ${instructions} i
      set status = case when f.accepted then 'accepted' else 'rejected' end,
          final_text = case when f.accepted then f.text end,
          final_reasoning = case when f.accepted then f.reasoning end,
          lock_version = i.lock_version + 1,
          updated_at = now()
      from f where i.id = f."instructionId"
    )
    update ${trajectories} set status = ${status}, updated_at = now() where id = ${trajectoryId}`);
  return status;
}

/**
 * After an annotation decision: once every slot of the item is decided, the
 * decisions either agree (same verdict and text per variant, same "edit is
 * bad" flag) and become final, or the item goes to a reviewer as a dispute.
 * `variants` are the instruction rows the decision named (loadForDecision).
 */
export async function settleItem(tx: Tx, trajectoryId: string, version: number, variants: { id: string; reasoning: string | null }[]) {
  // One round trip: the decisions so far with the slot counts.
  const found = await tx
    .select({
      r: reviews,
      total: sql<number>`(select count(*) from work_slots where kind = 'review' and item_id = ${trajectoryId})::int`,
      done: sql<number>`(select count(done_at) from work_slots where kind = 'review' and item_id = ${trajectoryId})::int`,
    })
    .from(reviews)
    .where(
      and(
        inArray(
          reviews.instructionId,
          variants.map((v) => v.id),
        ),
        eq(reviews.stage, "annotation"),
      ),
    );
  if (found.length === 0 || found[0].done < found[0].total) return "waiting" as const;
  const rows = found.map((f) => f.r);
  const byInstruction = new Map<string, typeof rows>();
  for (const r of rows) byInstruction.set(r.instructionId, [...(byInstruction.get(r.instructionId) ?? []), r]);
  const agree =
    new Set(rows.map((r) => r.editBad)).size <= 1 &&
    [...byInstruction.values()].every(
      (rs) => new Set(rs.map(verdictKey)).size === 1 && new Set(rs.map((r) => r.editedReasoning ?? "")).size === 1,
    );
  if (!agree) {
    await tx
      .insert(reviewDisputes)
      .values({ trajectoryId, instructionVersion: version })
      .onConflictDoUpdate({
        target: reviewDisputes.trajectoryId,
        set: { instructionVersion: version, resolvedAt: null, resolvedBy: null, createdAt: sql`now()` },
      });
    return "disputed" as const;
  }
  // Unchanged reasoning is stored as the model's, so the training row always has one.
  const finals = [...byInstruction.entries()].map(([instructionId, [r]]) => ({
    instructionId,
    accepted: r.decision !== "reject",
    text: r.editedText ?? r.baseText,
    reasoning: r.editedReasoning ?? variants.find((v) => v.id === instructionId)?.reasoning ?? null,
  }));
  await applyFinal(tx, trajectoryId, finals, rows[0]?.editBad ?? false);
  return "final" as const;
}
