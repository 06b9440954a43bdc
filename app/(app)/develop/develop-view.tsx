"use client";
import { useEffect, useRef, useState } from "react";
import { ImageViewer } from "@/app/_components/image-viewer";
import { Card } from "@/app/_components/ui/card";
import { Label, Select } from "@/app/_components/ui/input";
import { Button } from "@/app/_components/ui/button";
// The serialiser alone: the edit parser (normaliser, mask schemas, zod) stays on the server.
import { serializeRetouchIq } from "@/lib/edits/serialize-retouchiq";
import type { DevelopParams } from "@/lib/develop/params";
import { DevelopActions, type CandidateRef, type TrajectoryRef } from "./develop-actions";
import { PREVIEW_SLIDERS, sliderLabel, sliderSpec, sliderSteps } from "./sliders";
import type { PreviewSize } from "./preview-protocol";
import { useDevelopPreview } from "./use-develop-preview";

/** Pause in editing after which the URL is brought up to date with the edit. */
const URL_WRITE_DELAY_MS = 250;

/** Slider edits previewed live in a Web Worker running lib/develop. */
export function DevelopView({
  images,
  initialImage,
  initialParams,
  trajectory: initialTrajectory,
  candidate: initialCandidate,
  openError,
  seed,
  draftUrl,
}: {
  /** `size`: the stored preview's, when known (the first drafts then come from the thumbnail). */
  images: { sha256: string; name: string; size?: PreviewSize }[];
  initialImage?: string;
  /** The opened edit, parsed on the server. */
  initialParams: DevelopParams;
  trajectory?: TrajectoryRef;
  candidate?: CandidateRef;
  /** Why the trajectory or candidate in the URL could not be opened. */
  openError?: string;
  /** The opened photo and edit as JSON (a PreviewSeed): the worker starts on it before hydration (preview-boot). */
  seed: string | null;
  /** The opened photo's thumbnail rendered with the opened edit by the server: shown in the After pane until the first frame. */
  draftUrl?: string;
}) {
  const [image, setImage] = useState(initialImage);
  /** The server's draft belongs to the opened photo and edit: dropped when another photo is picked. */
  const [placeholder, setPlaceholder] = useState(draftUrl);
  const [trajectory, setTrajectory] = useState(initialTrajectory);
  const [candidate, setCandidate] = useState(initialCandidate);
  const [params, setParams] = useState<DevelopParams>(initialParams);
  const size = images.find((i) => i.sha256 === image)?.size;
  const { canvasRef, status, onDraw, render: requestRender } = useDevelopPreview({ image, size, params });
  const dragging = useRef(false);
  /** A full frame has been shown once (the actions' script waits for it). */
  const [previewShown, setPreviewShown] = useState(false);
  if (status.state === "done" && !previewShown) setPreviewShown(true);

  /** End of a drag: render the full preview of the current params. */
  function endDrag() {
    if (!dragging.current) return;
    dragging.current = false;
    requestRender(params);
  }

  function setParam(key: string, value: number) {
    const next = { ...params, [key]: value };
    setParams(next);
    // Keyboard steps and drags are interactive: drafts now, the full preview when input pauses.
    requestRender(next, "interactive");
  }

  // The edit lives in the URL (replaceState: no history entry per slider step), so a reload or a
  // shared link opens the same image, trajectory and edit. Written once input pauses (and before
  // the page goes away): each replaceState re-renders the router and Chromium throttles a page
  // that calls it more than 200 times in 10 s, which a slider drag would.
  useEffect(() => {
    const q = new URLSearchParams();
    if (trajectory) q.set("trajectory", trajectory.id);
    else if (candidate) q.set("candidate", candidate.id);
    else if (image) q.set("image", image);
    const text = serializeRetouchIq(params);
    if (text !== "{}") q.set("params", text);
    const url = `/develop?${q.toString()}`;
    const write = () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", write);
      if (`${window.location.pathname}${window.location.search}` !== url) window.history.replaceState(null, "", url);
    };
    const timer = setTimeout(write, URL_WRITE_DELAY_MS);
    window.addEventListener("pagehide", write);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", write);
    };
  }, [image, trajectory, candidate, params]);

  function switchImage(next: string) {
    setImage(next);
    setPlaceholder(undefined);
    if (trajectory && next !== trajectory.sourceSha) setTrajectory(undefined);
    if (candidate && next !== candidate.sourceSha) setCandidate(undefined);
    setParams({}); // slider values belong to the photo they were set on
  }

  function onSliderKey(key: (typeof PREVIEW_SLIDERS)[number], value: number, e: React.KeyboardEvent<HTMLInputElement>) {
    const dir = e.key === "ArrowRight" || e.key === "ArrowUp" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowDown" ? -1 : 0;
    if (!dir) return;
    e.preventDefault();
    const spec = sliderSpec(key);
    const { small, large } = sliderSteps(key);
    const next = Math.min(spec.max, Math.max(spec.min, value + dir * (e.shiftKey ? large : small)));
    setParam(key, Number(next.toFixed(2)));
  }

  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
      <Card className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        {/* The worker draws here; the viewer shows copies of it beside the untouched photo. */}
        {/* data-develop-seed: the opened photo and edit, for a worker booted by the page's script (a client-side navigation). */}
        <canvas
          ref={canvasRef}
          data-testid="develop-canvas"
          data-state={status.state}
          data-render-id={status.id}
          data-develop-seed={seed ?? undefined}
          hidden
        />
        {image && (
          <ImageViewer
            key={image}
            mode="wipe"
            initialWipe={0}
            height={560}
            narrowHeight={300}
            panes={[
              { src: `/api/v1/images/${image}/preview-png`, label: "Before (original)" },
              // Copied in the animation frame that draws a frame, not on every status change.
              { canvas: canvasRef, onDraw, placeholder, label: "After (live preview)" },
            ]}
          />
        )}
        {openError && (
          <p className="mt-2 text-sm text-red-700" role="alert" data-testid="develop-open-error">
            {openError}
          </p>
        )}
      </Card>
      <Card className="min-w-0 space-y-3">
        <div>
          <Label htmlFor="develop-image">Image</Label>
          <Select id="develop-image" value={image} onChange={(e) => switchImage(e.target.value)}>
            {images.map((i) => (
              <option key={i.sha256} value={i.sha256}>
                {i.name}
              </option>
            ))}
          </Select>
          <ul className="mt-2 flex gap-1 overflow-x-auto pb-1" aria-label="Pick an image" data-testid="develop-thumbs">
            {images.slice(0, 24).map((i) => (
              <li key={i.sha256} className="shrink-0">
                <button
                  type="button"
                  title={i.name}
                  aria-label={i.name}
                  aria-current={i.sha256 === image}
                  onClick={() => switchImage(i.sha256)}
                  className={`block rounded border-2 ${i.sha256 === image ? "border-blue-600" : "border-transparent"}`}
                >
                  {/* Once the preview has shown: until then their downloads and decodes would share the two cores with its first frame. */}
                  {previewShown ? (
                    // eslint-disable-next-line @next/next/no-img-element -- authenticated, content-addressed API bytes; next/image would proxy them
                    <img src={`/api/v1/images/${i.sha256}/thumbnail`} alt="" loading="lazy" className="h-12 w-12 rounded object-cover" />
                  ) : (
                    <span className="block h-12 w-12 rounded bg-zinc-200 dark:bg-zinc-800" />
                  )}
                </button>
              </li>
            ))}
          </ul>
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
                onKeyDown={(e) => onSliderKey(key, value, e)}
                onPointerDown={() => (dragging.current = true)}
                onPointerUp={endDrag}
                onPointerCancel={endDrag}
                onBlur={endDrag}
                className="w-full"
              />
            </div>
          );
        })}
        <DevelopActions
          params={params}
          trajectory={trajectory}
          candidate={candidate}
          onTrajectorySaved={setTrajectory}
          previewShown={previewShown}
        />
        <div className="flex items-center justify-between text-xs text-zinc-500">
          <span data-testid="develop-status">
            {status.state === "done"
              ? `rendered in ${status.ms?.toFixed(0)} ms`
              : status.state === "error"
                ? status.message
                : `${status.state}…`}
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
