"use client";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Input, Label, Select } from "@/app/_components/ui/input";
import { requestPairsAction } from "../actions";

/** "Generate pairs": perturbations for accepted instructions without pairs, or policy rollouts for a round. */
export function GeneratePairsForm() {
  const [source, setSource] = useState<"perturber" | "policy">("perturber");
  const [round, setRound] = useState(1);
  const [n, setN] = useState(4);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = await requestPairsAction({ source, round, n });
        setMessage(r.ok ? `Queued ${r.data.enqueued} instruction(s).` : r.error.message);
      }}
    >
      <div>
        <Label htmlFor="gp-source">Weak edits from</Label>
        <Select id="gp-source" value={source} onChange={(e) => setSource(e.target.value as "perturber" | "policy")}>
          <option value="perturber">Perturber (rules + perturber role)</option>
          <option value="policy">Policy rollouts (active policy model)</option>
        </Select>
      </div>
      <div>
        <Label htmlFor="gp-round">Round</Label>
        <Input
          id="gp-round"
          type="number"
          min={1}
          max={1000}
          value={round}
          onChange={(e) => setRound(Number(e.target.value))}
          className="w-20"
        />
      </div>
      {source === "policy" && (
        <div>
          <Label htmlFor="gp-n">Samples per instruction</Label>
          <Input id="gp-n" type="number" min={1} max={16} value={n} onChange={(e) => setN(Number(e.target.value))} className="w-20" />
        </div>
      )}
      <Button type="submit" data-testid="generate-pairs">
        Generate pairs
      </Button>
      {message && (
        <p className="text-sm" role="status">
          {message}
        </p>
      )}
    </form>
  );
}
