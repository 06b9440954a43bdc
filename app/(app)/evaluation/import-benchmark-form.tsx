"use client";
import { Input, Label, Select } from "@/app/_components/ui/input";
import { importBenchmarkAction } from "./actions";
import { BenchmarkForm } from "./benchmark-form";

/** Imports an external benchmark (or a FiveK-style one) from pasted JSON lines. */
export function ImportBenchmarkForm() {
  return (
    <BenchmarkForm
      summary="Import a benchmark from a manifest (RetouchEval-style or MIT-Adobe FiveK)"
      label="Import"
      verb="Imported"
      submit={(f) =>
        importBenchmarkAction({ name: String(f.get("name")), kind: String(f.get("kind")), manifest: String(f.get("manifest")) })
      }
    >
      <div className="sm:col-span-2">
        <Label htmlFor="import-name">Name</Label>
        <Input id="import-name" name="name" required maxLength={200} />
      </div>
      <div className="sm:col-span-2">
        <Label htmlFor="import-kind">Protocol</Label>
        <Select id="import-kind" name="kind" defaultValue="manifest">
          <option value="manifest">instruction + reference per item (Table 1)</option>
          <option value="fivek">MIT-Adobe FiveK: input → expert C, no instruction (Table 2)</option>
        </Select>
      </div>
      <div className="sm:col-span-4">
        <Label htmlFor="import-manifest">Manifest (JSON lines)</Label>
        <textarea
          id="import-manifest"
          name="manifest"
          required
          rows={4}
          className="w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          placeholder='{"source": "<sha256>", "reference": "<sha256>", "instruction": "Brighten it", "split": "quality", "id": "item-1"}'
        />
      </div>
    </BenchmarkForm>
  );
}
