"use client";
import { Input, Label } from "@/app/_components/ui/input";
import { buildRetouchEvalAction } from "./actions";
import { BenchmarkForm } from "./benchmark-form";

/** Builds a RetouchEval-style benchmark (stratified, seeded) from the corpus test split. */
export function BuildBenchmarkForm() {
  return (
    <BenchmarkForm
      summary="Build a RetouchEval-style benchmark from the corpus test split"
      label="Build"
      verb="Built"
      submit={(f) =>
        buildRetouchEvalAction({ name: String(f.get("name")), perSplit: Number(f.get("perSplit")), seed: Number(f.get("seed")) })
      }
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
    </BenchmarkForm>
  );
}
