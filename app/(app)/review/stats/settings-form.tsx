"use client";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { setReviewSettingsAction } from "../actions";

/** Overlap for the review queue and a priority for a category or an import. */
export function ReviewSettingsForm({ overlap: initial }: { overlap: number }) {
  const [overlap, setOverlap] = useState(initial);
  const [category, setCategory] = useState("");
  const [importId, setImportId] = useState("");
  const [priority, setPriority] = useState(10);
  const [message, setMessage] = useState<string | null>(null);

  const save = async (input: Record<string, unknown>) => {
    const result = await setReviewSettingsAction(input as never);
    setMessage(
      result.ok
        ? result.data.prioritised !== undefined
          ? `Priority set on ${result.data.prioritised} waiting items.`
          : `Every item now needs ${result.data.overlap} annotator(s).`
        : result.error.message,
    );
  };

  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          Annotators per item (overlap)
          <input
            type="number"
            min={1}
            max={5}
            value={overlap}
            onChange={(e) => setOverlap(Number(e.target.value))}
            className="w-24 rounded border p-1"
          />
        </label>
        <Button variant="secondary" onClick={() => void save({ overlap })}>
          Save overlap
        </Button>
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col">
          Category
          <select value={category} onChange={(e) => setCategory(e.target.value)} className="rounded border p-1">
            <option value="">any</option>
            <option value="quality">quality</option>
            <option value="style">style</option>
            <option value="local">local</option>
          </select>
        </label>
        <label className="flex min-w-0 flex-col">
          Import id
          <input
            value={importId}
            onChange={(e) => setImportId(e.target.value.trim())}
            placeholder="optional"
            className="w-72 max-w-full rounded border p-1 font-mono text-xs"
          />
        </label>
        <label className="flex flex-col">
          Priority (higher first)
          <input
            type="number"
            min={-100}
            max={100}
            value={priority}
            onChange={(e) => setPriority(Number(e.target.value))}
            className="w-24 rounded border p-1"
          />
        </label>
        <Button
          variant="secondary"
          onClick={() => void save({ priority: { category: category || undefined, importId: importId || undefined, value: priority } })}
        >
          Set priority
        </Button>
      </div>
      {message && <p role="status">{message}</p>}
    </div>
  );
}
