"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Label } from "@/app/_components/ui/input";
import type { DevelopParams } from "@/lib/develop/params";
import type { FromWorker, ToWorker } from "../develop/preview-protocol";
import { PREVIEW_SLIDERS, sliderLabel, sliderSpec } from "../develop/sliders";

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
  const [state, setState] = useState("loading");
  const [error, setError] = useState<string | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const workerRef = useRef<Worker | null>(null);
  const requestId = useRef(0);

  useEffect(() => {
    const worker = new Worker(new URL("../develop/develop.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.id !== requestId.current) return;
      if (msg.type === "error") return setState(`error: ${msg.message}`);
      const canvas = canvasRef.current!;
      canvas.width = msg.width;
      canvas.height = msg.height;
      canvas.getContext("2d")!.putImageData(new ImageData(msg.data as Uint8ClampedArray<ArrayBuffer>, msg.width, msg.height), 0, 0);
      setState("done");
    };
    workerRef.current = worker;
    (async () => {
      const res = await fetch(`/api/v1/images/${sourceSha}/preview-png`);
      if (!res.ok) throw new Error(`Could not load the preview (${res.status})`);
      const bitmap = await createImageBitmap(await res.blob(), { colorSpaceConversion: "none", premultiplyAlpha: "none" });
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      worker.postMessage({ type: "source", width: bitmap.width, height: bitmap.height, data } satisfies ToWorker, [data.buffer]);
      render(initial);
    })().catch((e: Error) => setState(`error: ${e.message}`));
    return () => worker.terminate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the source loads once per panel
  }, [sourceSha]);

  function render(next: DevelopParams) {
    const id = ++requestId.current;
    setState("rendering");
    workerRef.current?.postMessage({ type: "render", id, params: next } satisfies ToWorker);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_300px]" data-testid="fix-panel">
      <canvas ref={canvasRef} data-state={state} data-testid="fix-canvas" className="h-auto max-h-[60vh] w-auto max-w-full object-contain" />
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
                  render(next);
                }}
                className="w-full"
              />
            </div>
          );
        })}
        {error && <p className="text-sm text-red-600" role="alert">{error}</p>}
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
