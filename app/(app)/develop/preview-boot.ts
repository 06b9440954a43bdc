"use client";
// The develop preview's Web Worker, started when the page's script loads (before React hydrates
// it): the engine compiles meanwhile and, when the server put the opened photo and edit on the
// preview canvas (`data-develop-seed`), the photo is downloaded and handed to the worker and its
// first render requested at once, so the first pixels do not wait for hydration. The page takes
// the worker, with what it sent in the meantime, when its preview mounts (takeWorker).
import type { DevelopParams } from "@/lib/develop/params";
import type { FromWorker, ToWorker } from "./preview-protocol";

export const sourceUrl = (sha: string, variant: "preview" | "preview-png") => `/api/v1/images/${sha}/${variant}`;

/** The photo and edit the page opened with, as the server wrote them on the preview canvas. */
export type PreviewSeed = { image: string; params: DevelopParams };
const SEED_ATTRIBUTE = "data-develop-seed";

/**
 * A worker and what happened before the page took it. `seeded`: the photo whose sources went out
 * as generation 1 with render request 1 (the page continues from there), and their downloads,
 * whose failures the page reports.
 */
export type BootedWorker = {
  worker: Worker;
  /** Messages from the worker before the page took it, in order. */
  early: MessageEvent<FromWorker>[];
  seeded: (PreviewSeed & { exact: Promise<Blob> }) | null;
};

function startWorker(): Worker {
  performance.mark("develop-preview:worker-start");
  return new Worker(new URL("./develop.worker.ts", import.meta.url), { type: "module" });
}

function readSeed(): PreviewSeed | null {
  const raw = document.querySelector<HTMLElement>(`[${SEED_ATTRIBUTE}]`)?.getAttribute(SEED_ATTRIBUTE);
  if (!raw) return null; // not rendered yet, or no photo: the page sends the photo itself
  try {
    const seed = JSON.parse(raw) as PreviewSeed;
    return typeof seed.image === "string" && /^[0-9a-f]{64}$/.test(seed.image) && seed.params && typeof seed.params === "object" ? seed : null;
  } catch {
    return null;
  }
}

function boot(): BootedWorker {
  const worker = startWorker();
  const early: MessageEvent<FromWorker>[] = [];
  worker.onmessage = (e: MessageEvent<FromWorker>) => early.push(e);
  const seed = readSeed();
  if (!seed) return { worker, early, seeded: null };
  const { exact } = sendSources(worker, seed.image, 1, () => true);
  exact.catch(() => {}); // reported by the page when it takes the worker
  worker.postMessage({ type: "render", id: 1, params: seed.params, mode: "settled" } satisfies ToWorker);
  return { worker, early, seeded: { ...seed, exact } };
}

let booted: BootedWorker | null = typeof window === "undefined" ? null : boot();

/** The booted worker for the first preview that mounts; later ones (the page opened again) start their own. */
export function takeWorker(): BootedWorker {
  const taken = booted ?? { worker: startWorker(), early: [], seeded: null };
  booted = null;
  return taken;
}

/**
 * Downloads a photo's lossy preview (quick, feeds the first draft; optional) and its lossless one
 * (every full render) and hands each to the worker as it arrives, while still `wanted`. Returns the
 * lossless download, whose failure the caller reports: no full render can come without it.
 */
export function sendSources(worker: Worker, image: string, generation: number, wanted: () => boolean): { exact: Promise<Blob> } {
  const send = (kind: "exact" | "approx") => (blob: Blob) => {
    performance.mark(`develop-preview:${kind}-source`);
    if (wanted()) worker.postMessage({ type: "source", kind, generation, blob } satisfies ToWorker);
    return blob;
  };
  loadBlob(sourceUrl(image, "preview"), wanted, 1)
    .then(send("approx"))
    .catch(() => {}); // optional: only speeds up the first draft
  return { exact: loadBlob(sourceUrl(image, "preview-png"), wanted).then(send("exact")) };
}

/** Longest one attempt at loading a photo may take, body included, before it is abandoned and tried again. */
const LOAD_ATTEMPT_MS = 20_000;

/**
 * The bytes behind `url`, with a few retries on network errors (the request or the body: a
 * preloaded response that was cancelled under it fails the body read), on an attempt that stalls
 * past {@link LOAD_ATTEMPT_MS}, and on 5xx / 429 answers (a busy server, a restart), so a passing
 * hiccup does not leave the page without its photo; stops once `wanted` turns false.
 */
async function loadBlob(url: string, wanted: () => boolean, attempts = 4): Promise<Blob> {
  for (let attempt = 1; ; attempt++) {
    let failure: Error;
    let retry = true;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(LOAD_ATTEMPT_MS) });
      if (res.ok) return await res.blob();
      failure = new Error(`the server answered ${res.status}`);
      retry = res.status >= 500 || res.status === 429;
    } catch (e) {
      failure = e as Error;
    }
    if (!retry || attempt >= attempts || !wanted()) throw failure;
    await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
  }
}
