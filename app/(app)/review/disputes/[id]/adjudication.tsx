"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { EditTable } from "@/app/_components/edit-table";
import { ImageViewer } from "@/app/_components/image-viewer";
import { Button } from "@/app/_components/ui/button";
import { Card, CardTitle } from "@/app/_components/ui/card";
import type { getDispute } from "@/lib/review";
import { resolveDisputeAction } from "../../actions";
import { DecisionForm } from "../../_parts/decision-form";
import { formProblem, initialForm, REASONS, toSubmitBody, type ItemForm } from "../../_parts/form-state";

type Dispute = Awaited<ReturnType<typeof getDispute>>;
const reasonLabel = (r: string | null) => REASONS.find((x) => x.value === r)?.label ?? r ?? "";

/** The reviewer sees every annotator's decision per variant and sets the final one. */
export function Adjudication({ dispute, canResolve }: { dispute: Dispute; canResolve: boolean }) {
  const router = useRouter();
  const { item } = dispute;
  const [form, setForm] = useState<ItemForm>(() => initialForm(item));
  const [focused, setFocused] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(dispute.resolved);

  const resolve = async () => {
    const problem = formProblem(item, form);
    if (problem) return setError(problem);
    const result = await resolveDisputeAction({ trajectoryId: item.trajectoryId, ...toSubmitBody(item, form, crypto.randomUUID()) });
    if (!result.ok) return setError(result.error.message);
    setDone(true);
    router.refresh();
  };

  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="min-w-0 space-y-3">
        <ImageViewer
          panes={[
            { src: item.images.before, label: "Before" },
            ...(item.images.after ? [{ src: item.images.after, label: item.images.afterLabel }] : []),
          ]}
          height={380}
        />
        <EditTable description={item.description} changes={item.changes} />
        <Card>
          <CardTitle>Annotators&apos; decisions</CardTitle>
          <div className="space-y-3 text-sm" data-testid="annotator-decisions">
            {item.variants.map((v) => (
              <div key={v.id}>
                <div className="font-medium">{v.variant}</div>
                <ul className="pl-4">
                  {dispute.annotators.map((a) => {
                    const d = a.decisions.find((x) => x.instructionId === v.id);
                    return (
                      <li key={a.email} className="[overflow-wrap:anywhere]">
                        <span className="text-zinc-500">{a.name}:</span> {d?.decision ?? "—"}
                        {d?.decision === "reject"
                          ? ` (${reasonLabel(d.reason)}${d.comment ? `: ${d.comment}` : ""})`
                          : ` — “${d?.text ?? ""}”`}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))}
            {dispute.annotators.some((a) => a.editBad) && (
              <p>
                Flagged “edit itself is bad” by:{" "}
                {dispute.annotators
                  .filter((a) => a.editBad)
                  .map((a) => a.name)
                  .join(", ")}
              </p>
            )}
          </div>
        </Card>
      </div>
      <div className="min-w-0 space-y-3">
        {done ? (
          <Card role="status" data-testid="resolved">
            Resolved. The final decision is applied and the item left the disagreement list.
          </Card>
        ) : (
          <>
            <DecisionForm item={item} form={form} onChange={setForm} focused={focused} onFocus={setFocused} readOnly={!canResolve} />
            {error && (
              <p role="alert" className="text-sm text-red-700">
                {error}
              </p>
            )}
            {canResolve && <Button onClick={() => void resolve()}>Set the final decision</Button>}
          </>
        )}
      </div>
    </div>
  );
}
