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
 * copied to the thread (the caller keeps its buffers).
 */
export type MetricsPool = { score: (pair: { edited: RawImage; reference: RawImage }) => Promise<EvalPixelMetrics>; close: () => Promise<void> };

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
    w.on("message", (msg: { ready?: boolean; id: number; metrics?: EvalPixelMetrics; error?: string }) => {
      if (msg.ready) {
        ready.add(w);
        return pump();
      }
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
  const copy = (img: RawImage): RawImage => ({ ...img, data: new Uint8Array(img.data) });
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
