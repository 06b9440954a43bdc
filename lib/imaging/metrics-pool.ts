import "server-only";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EvalPixelMetrics } from "./eval-metrics";
import type { RawImage } from "./raw-image";

type Task = { id: number; edited: RawImage; reference: RawImage; resolve: (m: EvalPixelMetrics) => void; reject: (e: Error) => void };

/**
 * A pool of worker threads computing {@link computeEvalMetrics} off the event
 * loop, one pair per thread at a time, so a process scoring several items
 * uses every core (the eval worker runs items concurrently). Pixels are
 * copied to the thread (the caller keeps its buffers) into buffers the threads
 * hand back with each result, so while items stream through, same-size pairs
 * allocate no new pixel memory; an idle pool keeps none. Fresh buffers per
 * item (new pages to fault in, external memory for both threads' GCs to
 * collect) cost ~4 ms of CPU per 1600×1067 item and made items stall now and
 * then (in-process A/Bs: lib/eval/README.md).
 */
export type MetricsPool = {
  score: (pair: { edited: RawImage; reference: RawImage }) => Promise<EvalPixelMetrics>;
  close: () => Promise<void>;
};

export function createMetricsPool({ size = availableParallelism() }: { size?: number } = {}): MetricsPool {
  const queue: Task[] = [];
  const busy = new Map<Worker, Task>();
  let next = 0;
  const ready = new Set<Worker>();
  // The worker file is TypeScript: a tiny bootstrap registers tsx in the thread, then loads it
  // (a loader passed through execArgv does not reach a worker's entry module on Node 20).
  // Built from this file's own URL at run time (not `new URL(…)`, which bundlers rewrite):
  // the pool runs in the worker process and scripts, never inside the Next.js bundle.
  const file = import.meta.url.replace(/metrics-pool\.ts$/, "metrics-worker.ts");
  if (file === import.meta.url) throw new Error("The metrics pool runs from source (tsx), not from a bundle");
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(file)}); })`;
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const w = new Worker(bootstrap, { eval: true });
    w.on("message", (msg: { ready?: boolean; id: number; metrics?: EvalPixelMetrics; error?: string; buffers?: ArrayBuffer[] }) => {
      if (msg.ready) {
        ready.add(w);
        return pump();
      }
      spare.push(...(msg.buffers ?? []));
      spare.splice(0, spare.length - 2 * workers.length); // the oldest go first, so a new size soon has its own
      const task = busy.get(w);
      busy.delete(w);
      if (task) {
        if (msg.metrics) task.resolve(msg.metrics);
        else task.reject(new Error(msg.error ?? "metrics worker failed"));
      }
      pump();
    });
    w.on("error", (e) => {
      busy.get(w)?.reject(e);
      busy.delete(w);
      ready.delete(w);
      for (const t of queue.splice(0)) t.reject(e);
    });
    return w;
  });
  // Buffers handed back by the threads, reused for the next copies of the same byte length
  // (at most a pair per thread).
  const spare: ArrayBuffer[] = [];
  const copy = (img: RawImage): RawImage => {
    const at = spare.findIndex((b) => b.byteLength === img.data.byteLength);
    const data = at < 0 ? new Uint8Array(img.data.byteLength) : new Uint8Array(spare.splice(at, 1)[0]);
    data.set(img.data);
    return { ...img, data };
  };
  // Threads keep the process alive only while there is work, so an idle pool never blocks exit.
  const holdProcess = (hold: boolean) => workers.forEach((w) => (hold ? w.ref() : w.unref()));
  function pump() {
    holdProcess(queue.length > 0 || busy.size > 0);
    for (const w of workers) {
      if (!ready.has(w) || busy.has(w) || queue.length === 0) continue;
      const task = queue.shift()!;
      busy.set(w, task);
      const edited = copy(task.edited);
      const reference = copy(task.reference);
      w.postMessage({ id: task.id, edited, reference }, [edited.data.buffer as ArrayBuffer, reference.data.buffer as ArrayBuffer]);
    }
    if (queue.length === 0 && busy.size === 0) spare.length = 0; // idle: large images' buffers need not outlive the work
    holdProcess(queue.length > 0 || busy.size > 0);
  }
  return {
    score: ({ edited, reference }) =>
      new Promise((resolve, reject) => {
        queue.push({ id: next++, edited, reference, resolve, reject });
        pump();
      }),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

let shared: MetricsPool | null = null;

/** The process-wide pool (sized by METRICS_THREADS, default the core count). */
export function getMetricsPool(): MetricsPool {
  shared ??= createMetricsPool({ size: Number(process.env.METRICS_THREADS ?? availableParallelism()) });
  return shared;
}
