"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { useToast } from "@/app/_components/ui/toast";
import type { PublicModel } from "@/lib/inference";
import { setModelActiveAction, testModelConnectionAction } from "./actions";
import { ModelFormButton } from "./model-form";

/** Activate / deactivate, test connection and edit, for one model row. */
export function ModelRowActions({ model }: { model: PublicModel }) {
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<{ ok: boolean; message: string } | null>(null);
  const toast = useToast();
  const router = useRouter();

  const toggle = () =>
    startTransition(async () => {
      const r = await setModelActiveAction({ id: model.id, active: !model.active });
      if (!r.ok) return toast(r.error.message, "error");
      toast(
        model.active
          ? `${model.name} deactivated; ${model.role} falls back to the heuristic`
          : `${model.name} is now the ${model.role} model`,
        "success",
      );
      router.refresh();
    });
  const test = () =>
    startTransition(async () => {
      const r = await testModelConnectionAction({ id: model.id });
      setReport(
        r.ok
          ? { ok: r.data.ok, message: `${r.data.message}${r.data.latencyMs ? ` (${r.data.latencyMs} ms)` : ""}` }
          : { ok: false, message: r.error.message },
      );
    });

  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1">
        <Button variant={model.active ? "secondary" : "primary"} onClick={toggle} disabled={pending}>
          {model.active ? "Deactivate" : "Activate"}
        </Button>
        <Button variant="secondary" onClick={test} disabled={pending}>
          Test connection
        </Button>
        <ModelFormButton model={model} />
      </div>
      {report && (
        <p role="status" className={report.ok ? "text-xs text-emerald-700" : "text-xs text-red-600"}>
          {report.message}
        </p>
      )}
    </div>
  );
}
