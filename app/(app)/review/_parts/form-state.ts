import type { ReviewItem, SubmitBody } from "@/app/_queries/review";

export const REASONS = [
  { value: "unclear_intent", label: "Unclear intent", key: "1" },
  { value: "wrong_direction", label: "Wrong direction", key: "2" },
  { value: "unchanged_parameter", label: "Names a parameter that did not change", key: "3" },
  { value: "not_retouching", label: "Not a retouching instruction", key: "4" },
  { value: "other", label: "Other…", key: "5" },
] as const;

export type VariantForm = { instructionId: string; verdict: "accept" | "reject"; text: string; reason: string; comment: string };
export type ItemForm = { variants: VariantForm[]; reasoning: string; editBad: boolean };

/** The form as the item first shows it: every variant accepted as written. */
export function initialForm(item: ReviewItem): ItemForm {
  return {
    variants: item.variants.map((v) => ({ instructionId: v.id, verdict: "accept", text: v.text, reason: "", comment: "" })),
    reasoning: item.reasoning,
    editBad: false,
  };
}

/** What is wrong with the form before it can be sent (null: ready). */
export function formProblem(item: ReviewItem, form: ItemForm): string | null {
  for (const [i, v] of form.variants.entries()) {
    const name = item.variants[i]?.variant ?? "variant";
    if (v.verdict === "accept" && !v.text.trim()) return `The ${name} instruction is empty`;
    if (v.verdict === "reject" && !v.reason) return `Choose why the ${name} instruction is rejected (keys 1–5)`;
    if (v.verdict === "reject" && v.reason === "other" && !v.comment.trim()) return `Say what is wrong with the ${name} instruction`;
  }
  return null;
}

/** The request body: an accepted variant whose text changed is "edit". */
export function toSubmitBody(item: ReviewItem, form: ItemForm, submissionId: string): SubmitBody {
  return {
    submissionId,
    editBad: form.editBad,
    reasoning: form.reasoning.trim() !== item.reasoning.trim() ? form.reasoning : undefined,
    decisions: form.variants.map((v, i) => {
      const base = { instructionId: v.instructionId, lockVersion: item.variants[i].lockVersion };
      if (v.verdict === "reject") return { ...base, decision: "reject" as const, reason: v.reason, comment: v.comment.trim() || undefined };
      const edited = v.text.trim() !== item.variants[i].text.trim();
      return edited ? { ...base, decision: "edit" as const, text: v.text.trim() } : { ...base, decision: "accept" as const };
    }),
  };
}

const draftKey = (userId: string, item: ReviewItem) => `riq-review-draft:${userId}:${item.trajectoryId}`;

/** A saved draft for this item, if it still matches the item's variants. */
export function loadDraft(userId: string, item: ReviewItem): ItemForm | null {
  try {
    const raw = localStorage.getItem(draftKey(userId, item));
    if (!raw) return null;
    const draft = JSON.parse(raw) as ItemForm;
    const same = draft.variants.length === item.variants.length && draft.variants.every((v, i) => v.instructionId === item.variants[i].id);
    return same ? draft : null;
  } catch {
    return null;
  }
}
export const saveDraft = (userId: string, item: ReviewItem, form: ItemForm) => {
  try {
    localStorage.setItem(draftKey(userId, item), JSON.stringify(form));
  } catch {
    // storage full or disabled: the form still works, it just won't survive a reload
  }
};
export const clearDraft = (userId: string, item: ReviewItem) => {
  try {
    localStorage.removeItem(draftKey(userId, item));
  } catch {
    // see saveDraft
  }
};
