// How well this machine runs two threads at once, by kind of work:
//   npm run bench:threads
// Each kind runs in one worker_thread alone, then in two at once (the same work each); the
// efficiency is the one-thread time over the two-thread time (1 = two threads cost nothing extra).
// - `arithmetic`: an integer loop in registers (the cores themselves);
// - `stream64MB`: read-modify-write passes over a 64 MB array (memory bandwidth);
// - `working1MB`: the same over 1 MB (a working set each core's own cache holds);
// - `random9MB`: random reads over 8.8 MB, the size of the develop kernel's 65³ cube (the shared cache).
// The develop engine's WebAssembly kernel streams pixels and reads an 8.8 MB cube: its two-thread
// figure (bench:develop's twoThreadSpeedup) follows the memory rows, not the arithmetic one.
// Last line: one JSON object.
import { Worker } from "node:worker_threads";

const KINDS = {
  arithmetic: `let x = 0; for (let i = 0; i < 3e8; i++) x = (x * 1664525 + 1013904223) | 0; postMessage(x);`,
  stream64MB: `const a = new Float64Array(8e6); let s = 0; for (let r = 0; r < 20; r++) for (let i = 0; i < a.length; i++) { a[i] += i; s += a[i]; } postMessage(s);`,
  working1MB: `const a = new Float64Array(125e3); let s = 0; for (let r = 0; r < 1280; r++) for (let i = 0; i < a.length; i++) { a[i] += i; s += a[i]; } postMessage(s);`,
  random9MB: `const a = new Float64Array(1.1e6).fill(1); let s = 0, j = 1; for (let i = 0; i < 6e7; i++) { j = (j * 1664525 + 1013904223) >>> 0; s += a[j % 1.1e6]; } postMessage(s);`,
} as const;

/** Milliseconds for `threads` workers to each run `body` once, started together. */
async function timeWorkers(body: string, threads: number): Promise<number> {
  const source = `const { parentPort } = require("node:worker_threads"); const postMessage = (v) => parentPort.postMessage(v); ${body}`;
  const workers = Array.from({ length: threads }, () => new Worker(source, { eval: true }));
  await new Promise((r) => setTimeout(r, 200)); // let the isolates start before timing
  const started = performance.now();
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once("message", resolve))));
  const ms = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return ms;
}

async function main() {
  const result: Record<string, { oneThreadMs: number; twoThreadsMs: number; efficiency: number }> = {};
  for (const [kind, body] of Object.entries(KINDS)) {
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < 3; i++) {
      one.push(await timeWorkers(body, 1));
      two.push(await timeWorkers(body, 2));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
    result[kind] = {
      oneThreadMs: Math.round(median(one)),
      twoThreadsMs: Math.round(median(two)),
      efficiency: Number((median(one) / median(two)).toFixed(2)),
    };
    console.log(
      `${kind.padEnd(11)} one thread ${result[kind].oneThreadMs} ms, two at once ${result[kind].twoThreadsMs} ms each: efficiency ${result[kind].efficiency}`,
    );
  }
  console.log(JSON.stringify({ bench: "threads", ...result }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
