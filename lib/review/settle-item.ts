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
 */
export async function applyFinal(tx: Tx, trajectoryId: string, finals: Final[], editBad: boolean) {
  for (const f of finals) {
    await tx
      .update(instructions)
      .set({
        status: f.accepted ? "accepted" : "rejected",
        finalText: f.accepted ? f.text : null,
        finalReasoning: f.accepted ? f.reasoning : null,
        lockVersion: sql`${instructions.lockVersion} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(instructions.id, f.instructionId));
  }
  const status = !editBad && finals.some((f) => f.accepted) ? "accepted" : "rejected";
  await tx.update(trajectories).set({ status, updatedAt: sql`now()` }).where(eq(trajectories.id, trajectoryId));
  return status;
}

/**
 * After an annotation decision: once every slot of the item is decided, the
 * decisions either agree (same verdict and text per variant, same "edit is
 * bad" flag) and become final, or the item goes to a reviewer as a dispute.
 */
export async function settleItem(tx: Tx, trajectoryId: string, version: number, instructionIds: string[]) {
  const [{ total, done }] = (await tx.execute(
    sql`select count(*)::int as total, count(done_at)::int as done from work_slots where kind = 'review' and item_id = ${trajectoryId}`,
  )) as unknown as { total: number; done: number }[];
  if (done < total) return "waiting" as const;
  const rows = await tx
    .select()
    .from(reviews)
    .where(and(inArray(reviews.instructionId, instructionIds), eq(reviews.stage, "annotation")));
  const byInstruction = new Map<string, typeof rows>();
  for (const r of rows) byInstruction.set(r.instructionId, [...(byInstruction.get(r.instructionId) ?? []), r]);
  const agree =
    new Set(rows.map((r) => r.editBad)).size <= 1 &&
    [...byInstruction.values()].every((rs) => new Set(rs.map(verdictKey)).size === 1 && new Set(rs.map((r) => r.editedReasoning ?? "")).size === 1);
  if (!agree) {
    await tx
      .insert(reviewDisputes)
      .values({ trajectoryId, instructionVersion: version })
      .onConflictDoUpdate({ target: reviewDisputes.trajectoryId, set: { instructionVersion: version, resolvedAt: null, resolvedBy: null, createdAt: sql`now()` } });
    return "disputed" as const;
  }
  const finals = [...byInstruction.entries()].map(([instructionId, [r]]) => ({
    instructionId,
    accepted: r.decision !== "reject",
    text: r.editedText ?? r.baseText,
    reasoning: r.editedReasoning,
  }));
  // Unchanged reasoning is stored as the model's, so the training row always has one.
  const models = await tx.select({ id: instructions.id, reasoning: instructions.reasoning }).from(instructions).where(inArray(instructions.id, instructionIds));
  for (const f of finals) f.reasoning ??= models.find((m) => m.id === f.instructionId)?.reasoning ?? null;
  await applyFinal(tx, trajectoryId, finals, rows[0]?.editBad ?? false);
  return "final" as const;
}
