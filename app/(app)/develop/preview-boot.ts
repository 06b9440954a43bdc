"use client";
// The develop preview's Web Worker, started before React hydrates the page: by the boot script the
// page's <head> loads (preview-boot-script.ts), or by the page's script when it comes first (a
// client-side navigation: preview-handoff.ts). Either reads the opened photo and edit from the
// preview canvas's `data-develop-seed` once it is parsed. The worker is told to download the photo
// and render it at once, and its first frame is shown over the viewer
// (preview-early-draw.ts), so the first pixels wait neither for the page's scripts nor for
// hydration. The page takes the worker, with what it sent in the meantime, when its preview mounts
// (takeWorker).
import type { DevelopParams } from "@/lib/develop/params";
import { drawBeforeHydration, earlyCanvasFor, earlyFrameLogged } from "./preview-early-draw";
import type { FromWorker, PreviewFrame, PreviewSize, ToWorker } from "./preview-protocol";

/** The photo (and its preview's size, when known) and edit the page opened with, as the server wrote them on the preview canvas. */
export type PreviewSeed = { image: string; size?: PreviewSize; params: DevelopParams };
const SEED_ATTRIBUTE = "data-develop-seed";

/**
 * A worker and what happened before the page took it: `seeded`, the photo sent as generation 1
 * with render request 1 (the page continues from there); `earlyFrame`, the first frame when it was
 * drawn before the page hydrated (over the viewer, until `removeEarlyFrame`).
 */
export type BootedWorker = {
  worker: Worker;
  /** Messages from the worker before the page took it, in order. */
  early: MessageEvent<FromWorker>[];
  seeded: PreviewSeed | null;
  earlyFrame: PreviewFrame | null;
  removeEarlyFrame: () => void;
};

/** The worker, bundled into public/ by scripts/build/develop-preview-assets.ts, which sets its URL here. */
const PREVIEW_WORKER_URL = process.env.DEVELOP_PREVIEW_WORKER_URL || "/_develop/preview-worker.js";

/** A freshly started worker, with nothing sent to it yet. */
export function startWorker(): Boot {
  performance.mark("develop-preview:worker-start");
  const worker = new Worker(PREVIEW_WORKER_URL, { name: "develop-preview" });
  return { worker, early: [], seeded: null, earlyFrame: null, removeEarlyFrame: () => {}, settle: () => {}, taken: false };
}

/** The seed on the preview canvas (null until it is parsed). */
function readSeed(): PreviewSeed | null {
  const raw = document.querySelector<HTMLElement>(`[${SEED_ATTRIBUTE}]`)?.getAttribute(SEED_ATTRIBUTE);
  if (!raw) return null; // not rendered yet, or no photo: the page sends the photo itself
  try {
    const seed = JSON.parse(raw) as PreviewSeed;
    return typeof seed.image === "string" && /^[0-9a-f]{64}$/.test(seed.image) && seed.params && typeof seed.params === "object"
      ? seed
      : null;
  } catch {
    return null;
  }
}

/** A preview size to trust, or none (the worker then finds it out). */
export const validSize = (size: PreviewSize | undefined): PreviewSize | undefined =>
  size && Number.isInteger(size.width) && Number.isInteger(size.height) && size.width > 0 && size.height > 0
    ? { width: size.width, height: size.height }
    : undefined;

/** A boot that may still be waiting for its seed: `settle` seeds it now if it can, and stops waiting. */
export type Boot = BootedWorker & { settle: () => void; taken: boolean };

export function boot(): Boot {
  const booted = startWorker();
  const { worker } = booted;
  let drawing = false;
  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    if (e.data.type === "early-shown") return void (booted.earlyFrame = earlyFrameLogged(e.data));
    booted.early.push(e);
    if (e.data.type !== "frame" || drawing) return;
    if (e.data.drawnEarly) return void (drawing = true); // the first frame is on screen: the page shows the rest
    // The worker had no canvas of its own in time: the first frame goes on screen in the next
    // animation frame, if the page has not taken the worker by then.
    const frame = e.data;
    drawing = true;
    requestAnimationFrame(() => {
      if (booted.taken) return; // the page draws it
      const drawn = drawBeforeHydration(frame);
      if (!drawn) return void (drawing = false);
      booted.earlyFrame = drawn.logged;
      const removeHandedOver = booted.removeEarlyFrame;
      booted.removeEarlyFrame = () => (removeHandedOver(), drawn.remove());
    });
  };
  /** Once the page is parsed and styled (an animation frame after DOMContentLoaded), the worker gets a canvas over the viewer to draw its first frame on. */
  const handOverCanvas = (size: PreviewSize) => {
    const place = () =>
      requestAnimationFrame(() => {
        if (booted.taken) return;
        const early = earlyCanvasFor(size);
        if (!early) return;
        worker.postMessage({ type: "early-canvas", canvas: early.offscreen } satisfies ToWorker, [early.offscreen]);
        booted.removeEarlyFrame = () => early.overlay.remove();
      });
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", place, { once: true });
    else place();
  };
  const seedNow = () => {
    const seed = readSeed();
    if (!seed) return false;
    const size = validSize(seed.size);
    worker.postMessage({ type: "photo", generation: 1, image: seed.image, size } satisfies ToWorker);
    worker.postMessage({ type: "render", id: 1, params: seed.params, mode: "settled" } satisfies ToWorker);
    booted.seeded = seed;
    if (size) handOverCanvas(size);
    return true;
  };
  if (seedNow() || document.readyState !== "loading") return booted;
  // Run before the parser reached the canvas (the boot script in <head>, or the page's script): seed once it does.
  const observer = new MutationObserver(() => void (seedNow() && booted.settle()));
  observer.observe(document, { childList: true, subtree: true });
  const stop = () => {
    observer.disconnect();
    document.removeEventListener("DOMContentLoaded", booted.settle);
    booted.settle = () => {};
  };
  booted.settle = () => {
    stop();
    if (!booted.seeded) seedNow();
  };
  document.addEventListener("DOMContentLoaded", booted.settle);
  return booted;
}

/** One boot per page load, by whichever of the boot script and this module runs first. */
export type BootSlot = { __developBoot?: { booted: Boot | null } };

/** The boot script's part: boots unless the page's script already did (preview-handoff.ts). */
export function bootFromHtml(): void {
  const w = window as BootSlot;
  w.__developBoot ??= { booted: boot() };
}
