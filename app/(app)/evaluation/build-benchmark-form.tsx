"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Input, Label } from "@/app/_components/ui/input";
import { buildRetouchEvalAction } from "./actions";
import { SubmitWithStatus } from "./submit-with-status";

/** Builds a RetouchEval-style benchmark (stratified, seeded) from the corpus test split. */
export function BuildBenchmarkForm() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <details className="mt-3">
      <summary className="cursor-pointer text-sm font-medium">Build a RetouchEval-style benchmark from the corpus test split</summary>
      <form
        className="mt-2 grid gap-2 sm:grid-cols-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = new FormData(e.currentTarget);
          start(async () => {
            const r = await buildRetouchEvalAction({ name: String(f.get("name")), perSplit: Number(f.get("perSplit")), seed: Number(f.get("seed")) });
            setMessage(r.ok ? `${r.data.created ? "Built" : "Already there"}: ${r.data.itemCount} items` : r.error.message);
            if (r.ok) router.push(`/evaluation?benchmark=${r.data.id}`);
          });
        }}
      >
        <div>
          <Label htmlFor="bench-name">Name</Label>
          <Input id="bench-name" name="name" required maxLength={200} defaultValue="RetouchEval (corpus test split)" />
        </div>
        <div>
          <Label htmlFor="bench-per-split">Per split</Label>
          <Input id="bench-per-split" name="perSplit" type="number" min={1} max={5000} defaultValue={100} />
        </div>
        <div>
          <Label htmlFor="bench-seed">Seed</Label>
          <Input id="bench-seed" name="seed" type="number" min={0} defaultValue={1} />
        </div>
        <SubmitWithStatus label="Build" pending={pending} message={message} />
      </form>
    </details>
  );
}
