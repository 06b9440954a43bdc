"use client";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Label } from "@/app/_components/ui/input";
import type { DevelopParams } from "@/lib/develop/params";
import { PREVIEW_SLIDERS, sliderLabel, sliderSpec } from "../develop/sliders";
import { useDevelopPreview } from "../develop/use-develop-preview";

/**
 * "Fix it": the develop sliders (the same browser engine and Web Worker as
 * /develop) opened on the better candidate's params; Save stores a human_fix.
 */
export function FixPanel({
  sourceSha,
  initial,
  onSave,
  onCancel,
}: {
  sourceSha: string;
  initial: DevelopParams;
  onSave: (params: DevelopParams) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [params, setParams] = useState<DevelopParams>(initial);
  const [error, setError] = useState<string | null>(null);
  const { canvasRef, status, render } = useDevelopPreview({ image: sourceSha, params });
  const state = status.state === "error" ? `error: ${status.message}` : status.state;

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_300px]" data-testid="fix-panel">
      <canvas
        ref={canvasRef}
        data-state={state}
        data-testid="fix-canvas"
        className="h-auto max-h-[60vh] w-auto max-w-full object-contain"
      />
      <div className="space-y-2">
        {PREVIEW_SLIDERS.map((key) => {
          const spec = sliderSpec(key);
          const value = (params[key] as number | undefined) ?? spec.default;
          return (
            <div key={key}>
              <Label htmlFor={`fix-${key}`} className="flex justify-between">
                <span>{sliderLabel(key)}</span>
                <span className="tabular-nums text-zinc-500">{value}</span>
              </Label>
              <input
                id={`fix-${key}`}
                type="range"
                min={spec.min}
                max={spec.max}
                step={spec.step}
                value={value}
                onChange={(e) => {
                  const next = { ...params, [key]: Number(e.target.value) };
                  setParams(next);
                  render(next, "interactive");
                }}
                className="w-full"
              />
            </div>
          );
        })}
        {error && (
          <p className="text-sm text-red-600" role="alert">
            {error}
          </p>
        )}
        <div className="flex gap-2">
          <Button data-testid="fix-save" onClick={async () => setError(await onSave(params))}>
            Save fix
          </Button>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
    </div>
  );
}
