"use client";
import { useEffect, useRef, useState } from "react";
import { Card } from "@/app/_components/ui/card";
import { Label, Select } from "@/app/_components/ui/input";
import { Button } from "@/app/_components/ui/button";
import { parseEdit, serializeRetouchIq } from "@/lib/edits";
import type { DevelopParams } from "@/lib/develop/params";
import type { FromWorker, ToWorker } from "./preview-protocol";
import { PREVIEW_SLIDERS, sliderLabel, sliderSpec } from "./sliders";

type Status = { state: "loading" | "rendering" | "done" | "error"; id: number; ms?: number; message?: string; notRendered?: string[] };

/** Slider edits previewed live in a Web Worker running lib/develop. */
export function DevelopView({ images, initialImage, initialParams }: { images: { sha256: string; name: string }[]; initialImage?: string; initialParams?: string }) {
  const [image, setImage] = useState(initialImage);
  const [params, setParams] = useState<DevelopParams>(() => (initialParams ? parseEdit(initialParams).params : {}));
  const [status, setStatus] = useState<Status>({ state: "loading", id: 0 });
  const workerRef = useRef<Worker | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const requestId = useRef(0);

  useEffect(() => {
    const worker = new Worker(new URL("./develop.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.id !== requestId.current) return; // a newer request is on its way
      if (msg.type === "error") return setStatus({ state: "error", id: msg.id, message: msg.message });
      const canvas = canvasRef.current!;
      canvas.width = msg.width;
      canvas.height = msg.height;
      canvas.getContext("2d")!.putImageData(new ImageData(msg.data as Uint8ClampedArray<ArrayBuffer>, msg.width, msg.height), 0, 0);
      setStatus({ state: "done", id: msg.id, ms: msg.ms, notRendered: msg.notRendered.map((n) => `${n.key}: ${n.reason}`) });
    };
    workerRef.current = worker;
    return () => worker.terminate();
  }, []);

  // Load the lossless preview of the chosen image into the worker.
  useEffect(() => {
    if (!image || !workerRef.current) return;
    let cancelled = false;
    setStatus((s) => ({ ...s, state: "loading" }));
    (async () => {
      const res = await fetch(`/api/v1/images/${image}/preview-png`);
      if (!res.ok) throw new Error(`Could not load the preview (${res.status})`);
      const bitmap = await createImageBitmap(await res.blob(), { colorSpaceConversion: "none", premultiplyAlpha: "none" });
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      if (cancelled) return;
      workerRef.current!.postMessage({ type: "source", width: bitmap.width, height: bitmap.height, data } satisfies ToWorker, [data.buffer]);
      requestRender(params);
    })().catch((e: Error) => setStatus({ state: "error", id: requestId.current, message: e.message }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- params are sent by the slider handler; only the image reloads the source
  }, [image]);

  function requestRender(next: DevelopParams) {
    const id = ++requestId.current;
    setStatus((s) => ({ ...s, state: "rendering", id }));
    workerRef.current?.postMessage({ type: "render", id, params: next } satisfies ToWorker);
  }

  function setParam(key: string, value: number) {
    const next = { ...params, [key]: value };
    setParams(next);
    requestRender(next);
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
      <Card className="flex min-h-[400px] items-start justify-center lg:sticky lg:top-4 lg:self-start">
        <canvas ref={canvasRef} data-testid="develop-canvas" data-state={status.state} data-render-id={status.id} className="h-auto max-h-[80vh] w-auto max-w-full object-contain" />
      </Card>
      <Card className="space-y-3">
        <div>
          <Label htmlFor="develop-image">Image</Label>
          <Select id="develop-image" value={image} onChange={(e) => setImage(e.target.value)}>
            {images.map((i) => (
              <option key={i.sha256} value={i.sha256}>
                {i.name}
              </option>
            ))}
          </Select>
        </div>
        {PREVIEW_SLIDERS.map((key) => {
          const spec = sliderSpec(key);
          const value = (params[key] as number | undefined) ?? spec.default;
          return (
            <div key={key}>
              <Label htmlFor={`s-${key}`} className="flex justify-between">
                <span>{sliderLabel(key)}</span>
                <span className="tabular-nums text-zinc-500">{value}</span>
              </Label>
              <input
                id={`s-${key}`}
                type="range"
                min={spec.min}
                max={spec.max}
                step={spec.step}
                value={value}
                title={spec.label}
                onChange={(e) => setParam(key, Number(e.target.value))}
                className="w-full"
              />
            </div>
          );
        })}
        <div className="flex items-center justify-between text-xs text-zinc-500">
          <span data-testid="develop-status">
            {status.state === "done" ? `rendered in ${status.ms?.toFixed(0)} ms` : status.state === "error" ? status.message : `${status.state}…`}
          </span>
          <Button variant="ghost" onClick={() => (setParams({}), requestRender({}))}>
            Reset
          </Button>
        </div>
        <code className="block break-all text-xs" data-testid="develop-edit-text">
          {serializeRetouchIq(params)}
        </code>
        {status.notRendered && status.notRendered.length > 0 && (
          <p className="text-xs text-amber-700">Not rendered: {status.notRendered.join("; ")}</p>
        )}
      </Card>
    </div>
  );
}
