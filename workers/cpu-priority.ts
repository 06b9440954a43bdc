// Background work yields the CPU to people: the worker process lowers its own scheduling priority
// (a `nice` value) at start, so on a machine it shares with the web server (the demo, a small lab
// server) ingest, renders and heuristic models run on what the web server leaves idle instead of
// taking turns with page and API requests.
import { readdirSync } from "node:fs";
import { setPriority } from "node:os";

/** The nice value workers run at unless WORKER_NICE says otherwise (0: as started; 19: lowest). */
export const DEFAULT_WORKER_NICE = 10;

/** WORKER_NICE as a nice value in 0..19, or an error naming the variable. */
export function workerNice(raw = process.env.WORKER_NICE): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_WORKER_NICE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 19) throw new Error(`WORKER_NICE must be a whole number from 0 to 19, not "${raw}"`);
  return n;
}

/**
 * Sets `nice` on every thread of this process: on Linux a nice value belongs to a thread, and the
 * threads Node has already started (libuv's pool, V8's helpers) would otherwise keep the old one.
 * Threads started later inherit it. Returns how many threads took it; where the platform refuses
 * (raising priority needs privileges a lowered one does not), reports and carries on.
 */
export function lowerCpuPriority(nice: number): number {
  let threads: number[];
  try {
    threads = readdirSync("/proc/self/task").map(Number);
  } catch {
    threads = [0]; // no /proc: the calling thread only
  }
  let set = 0;
  for (const tid of threads) {
    try {
      setPriority(tid, nice);
      set++;
    } catch (e) {
      console.warn(`[workers] could not set nice ${nice} on thread ${tid}: ${(e as Error).message}`);
    }
  }
  return set;
}
