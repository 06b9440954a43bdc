"use client";
import type { ReviewItem } from "@/app/_queries/review";
import { cn } from "@/app/_components/ui/cn";
import { REASONS, type ItemForm, type VariantForm } from "./form-state";

type Props = {
  item: ReviewItem;
  form: ItemForm;
  onChange: (form: ItemForm) => void;
  focused: number;
  onFocus: (i: number) => void;
  readOnly?: boolean;
};

/**
 * The three instruction variants, each editable inline (a changed text is
 * "edit then accept"), accept or reject with a reason; the reasoning; the
 * "edit itself is bad" flag. Pure view: the workspace owns state and keys.
 */
export function DecisionForm({ item, form, onChange, focused, onFocus, readOnly }: Props) {
  const setVariant = (i: number, patch: Partial<VariantForm>) =>
    onChange({ ...form, variants: form.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  return (
    <div className="space-y-3">
      {form.variants.map((v, i) => {
        const original = item.variants[i];
        const edited = v.verdict === "accept" && v.text.trim() !== original.text.trim();
        return (
          <fieldset
            key={v.instructionId}
            data-testid="variant"
            data-variant={original.variant}
            data-verdict={edited ? "edit" : v.verdict}
            onFocus={() => onFocus(i)}
            className={cn(
              "rounded-lg border p-3",
              focused === i ? "border-sky-500 ring-1 ring-sky-500" : "border-zinc-200 dark:border-zinc-800",
            )}
          >
            <legend className="px-1 text-sm font-medium">
              {i + 1}. {original.variant}
              {edited && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-900">edited</span>}
              {v.verdict === "reject" && <span className="ml-2 rounded bg-red-100 px-1 text-xs text-red-800">rejected</span>}
            </legend>
            <textarea
              aria-label={`${original.variant} instruction`}
              data-testid={`text-${original.variant}`}
              value={v.text}
              readOnly={readOnly}
              disabled={v.verdict === "reject"}
              onChange={(e) => setVariant(i, { text: e.target.value })}
              rows={original.variant === "long" ? 3 : 2}
              className="w-full rounded border border-zinc-300 bg-transparent p-2 text-sm disabled:opacity-50 dark:border-zinc-700"
            />
            {edited && (
              <p className="mt-1 text-xs text-zinc-500">
                Model wrote: <span className="italic">{original.modelText}</span>
              </p>
            )}
            <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
              {(["accept", "reject"] as const).map((verdict) => (
                <label key={verdict} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name={`verdict-${i}`}
                    checked={v.verdict === verdict}
                    disabled={readOnly}
                    onChange={() => setVariant(i, { verdict })}
                  />
                  {verdict === "accept" ? "Accept (A)" : "Reject (R)"}
                </label>
              ))}
            </div>
            {v.verdict === "reject" && (
              <div
                role="radiogroup"
                aria-label={`Why reject the ${original.variant} instruction`}
                className="mt-2 grid gap-1 text-sm sm:grid-cols-2"
              >
                {REASONS.map((r) => (
                  <label key={r.value} className="flex items-center gap-1">
                    <input
                      type="radio"
                      name={`reason-${i}`}
                      value={r.value}
                      checked={v.reason === r.value}
                      disabled={readOnly}
                      onChange={() => setVariant(i, { reason: r.value })}
                    />
                    <kbd className="rounded border px-1 text-xs">{r.key}</kbd> {r.label}
                  </label>
                ))}
                {v.reason === "other" && (
                  <input
                    aria-label={`What is wrong with the ${original.variant} instruction`}
                    value={v.comment}
                    readOnly={readOnly}
                    maxLength={1000}
                    onChange={(e) => setVariant(i, { comment: e.target.value })}
                    className="rounded border border-zinc-300 bg-transparent p-1 sm:col-span-2 dark:border-zinc-700"
                    placeholder="What is wrong?"
                  />
                )}
              </div>
            )}
          </fieldset>
        );
      })}
      <label className="block text-sm">
        <span className="font-medium">Reasoning (G to edit)</span>
        <textarea
          aria-label="Reasoning"
          data-testid="reasoning"
          value={form.reasoning}
          readOnly={readOnly}
          onChange={(e) => onChange({ ...form, reasoning: e.target.value })}
          rows={3}
          className="mt-1 w-full rounded border border-zinc-300 bg-transparent p-2 text-sm dark:border-zinc-700"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={form.editBad}
          disabled={readOnly}
          onChange={(e) => onChange({ ...form, editBad: e.target.checked })}
        />
        The edit itself is bad (B) — this before/after pair should not be training data
      </label>
    </div>
  );
}
