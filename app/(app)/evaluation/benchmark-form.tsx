"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/http/action";
import { SubmitWithStatus } from "./submit-with-status";

type Created = { id: string; itemCount: number; created: boolean };

/** A collapsible form that creates a benchmark through `submit`, reports the outcome and opens it. */
export function BenchmarkForm({
  summary,
  label,
  verb,
  submit,
  children,
}: {
  summary: string;
  /** The submit button's text. */
  label: string;
  /** Past tense for the status line ("Built: 300 items"). */
  verb: string;
  submit: (form: FormData) => Promise<ActionResult<Created>>;
  children: ReactNode;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    start(async () => {
      const r = await submit(form);
      setMessage(r.ok ? `${r.data.created ? verb : "Already there"}: ${r.data.itemCount} items` : r.error.message);
      if (r.ok) router.push(`/evaluation?benchmark=${r.data.id}`);
    });
  };
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium">{summary}</summary>
      <form className="mt-2 grid gap-2 sm:grid-cols-4" onSubmit={onSubmit}>
        {children}
        <SubmitWithStatus label={label} pending={pending} message={message} />
      </form>
    </details>
  );
}
