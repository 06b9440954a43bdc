import { z } from "zod";
import { REJECT_REASONS, REVIEW_DECISIONS } from "@/db/schema";

/** One variant's decision as the item view sends it. */
export const variantDecision = z
  .object({
    instructionId: z.uuid(),
    /** The `lockVersion` the reviewer saw: a mismatch is a concurrent change (CONFLICT). */
    lockVersion: z.number().int().min(1),
    decision: z.enum(REVIEW_DECISIONS),
    text: z.string().trim().min(1).max(4_000).optional(),
    reason: z.enum(REJECT_REASONS).optional(),
    comment: z.string().trim().max(1_000).optional(),
  })
  .superRefine((d, c) => {
    if (d.decision === "edit" && !d.text) c.addIssue({ code: "custom", message: "an edit needs the new text", path: ["text"] });
    if (d.decision === "reject" && !d.reason) c.addIssue({ code: "custom", message: "choose a reason to reject", path: ["reason"] });
    if (d.reason === "other" && !d.comment) c.addIssue({ code: "custom", message: "say what is wrong (other)", path: ["comment"] });
  });

export const decisionsInput = z.object({
  trajectoryId: z.uuid(),
  /** Client-made id of this submission: undo names it. */
  submissionId: z.uuid(),
  decisions: z.array(variantDecision).min(1).max(3),
  /** Edited reasoning; absent or equal to the model's means unchanged. */
  reasoning: z.string().trim().max(20_000).optional(),
  editBad: z.boolean().default(false),
});
export type DecisionsInput = z.output<typeof decisionsInput>;

/** What two decisions must share to agree: the verdict and, when accepted, the text. */
export const verdictKey = (d: { decision: string; editedText: string | null; baseText: string | null }) =>
  d.decision === "reject" ? "reject" : `accept:${(d.editedText ?? d.baseText ?? "").trim()}`;
