// Model-gateway overhead benchmark (npm run bench:inference [-- --seconds 30 --slots 64 --delay 200]).
// A loopback OpenAI-wire server in a child process answers every chat
// completion after a fixed delay; the gateway (model lookup, call-log cache
// check, circuit breaker, Redis concurrency slot, openai client, parsing,
// Postgres call log) runs `slots` concurrent policy calls for `seconds`.
// Ideal throughput is slots / delay (320 calls/s for 64 × 200 ms); added
// latency is each call's total minus the server's delay. Runs against its own
// database (retouchiq_bench_inference, recreated). Last line: one JSON object.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { count, eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { inferenceCalls } from "@/db/schema";
import { systemContext } from "@/lib/context";
import { closeInferenceRedis, createModel, flushCallLog, runRole } from "@/lib/inference";
import { getBlobStore } from "@/lib/storage";
import { recreateDatabase } from "../db-setup";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg("seconds", 30);
const SLOTS = arg("slots", 64);
const DELAY_MS = arg("delay", 200);
/** Pixel budget of the image sent with each call (a 256×256-class JPEG by default). */
const PIXELS = arg("pixels", 65_536);
const WARMUP_MS = 2_000;

async function recreateBenchDb(): Promise<string> {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/retouchiq");
  // Beside the configured database (retouchiq → retouchiq_bench_inference), so parallel checkouts never share it.
  url.pathname = `${url.pathname.replace(/\/+$/, "") || "/retouchiq"}_bench_inference`;
  await recreateDatabase(url.toString());
  return url.toString();
}

async function startServer() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/openai-wire-server.ts", "--delay", String(DELAY_MS), "--model", "bench-model"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`wire server exited with ${code}`)));
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;

async function main() {
  process.env.DATABASE_URL = await recreateBenchDb();
  process.env.QUEUE_PREFIX = `riq-bench-${process.pid}`;
  // How workers run: call-log rows written in background batches, flushed on shutdown (--sync-log to compare).
  if (!process.argv.includes("--sync-log")) process.env.INFERENCE_CALL_LOG = "async";
  process.env.STORAGE_DIR = mkdtempSync(join(tmpdir(), "riq-bench-blobs-"));
  const server = await startServer();
  const ctx = systemContext();
  try {
    await createModel({
      ctx,
      input: {
        name: "bench-policy",
        role: "policy",
        backend: "openai-compatible",
        endpoint: server.url,
        servedModel: "bench-model",
        concurrency: SLOTS,
        pixelBudget: PIXELS,
        timeoutMs: 10_000,
        active: true,
      },
    });
    const { key: sha256 } = await getBlobStore().put(new Uint8Array(readFileSync("public/samples/coffee.jpg")), {
      contentType: "image/jpeg",
    });

    let seq = 0;
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let measuring = false;
    let stopAt = Date.now() + WARMUP_MS;
    const worker = async () => {
      while (Date.now() < stopAt) {
        const started = performance.now();
        // A unique instruction per call: the temperature-0 cache must miss, as in a rollout.
        const r = await runRole({ ctx, role: "policy", input: { source: { sha256 }, instruction: `make it brighter #${seq++}` } });
        const ms = performance.now() - started;
        if (!measuring) continue;
        latencies.push(ms);
        const status = r.ok ? "ok" : r.status;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    };
    console.log(`[bench] warming up ${WARMUP_MS} ms with ${SLOTS} slots against ${server.url} (server delay ${DELAY_MS} ms)`);
    await Promise.all(Array.from({ length: SLOTS }, worker));
    await flushCallLog();
    const [{ value: warmupRows }] = await getDb().select({ value: count() }).from(inferenceCalls);

    console.log(`[bench] measuring ${SECONDS} s`);
    measuring = true;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    stopAt = Date.now() + SECONDS * 1000;
    await Promise.all(Array.from({ length: SLOTS }, worker));
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);

    await flushCallLog();
    const [{ value: rows }] = await getDb().select({ value: count() }).from(inferenceCalls);
    const [{ value: okRows }] = await getDb().select({ value: count() }).from(inferenceCalls).where(eq(inferenceCalls.status, "ok"));
    const added = latencies.map((l) => l - DELAY_MS).sort((a, b) => a - b);
    const ideal = SLOTS / (DELAY_MS / 1000);
    const callsPerSecond = latencies.length / elapsed;
    const result = {
      bench: "inference",
      seconds: Number(elapsed.toFixed(2)),
      slots: SLOTS,
      serverDelayMs: DELAY_MS,
      pixelBudget: PIXELS,
      calls: latencies.length,
      callsPerSecond: Number(callsPerSecond.toFixed(1)),
      idealCallsPerSecond: ideal,
      efficiency: Number((callsPerSecond / ideal).toFixed(4)),
      addedLatencyMs: {
        p50: Number(quantile(added, 0.5).toFixed(2)),
        p99: Number(quantile(added, 0.99).toFixed(2)),
        max: Number((added.at(-1) ?? NaN).toFixed(2)),
      },
      callLog: process.env.INFERENCE_CALL_LOG === "async" ? "async" : "sync",
      gatewayCpuMsPerCall: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length)).toFixed(3)),
      statuses,
      loggedRows: rows - warmupRows,
      okRowsTotal: okRows,
      pass: callsPerSecond >= 0.95 * ideal && rows - warmupRows === latencies.length,
    };
    console.log(
      `[bench] ${result.calls} calls in ${result.seconds} s = ${result.callsPerSecond} calls/s (${(result.efficiency * 100).toFixed(1)}% of ideal ${ideal}); added latency p50 ${result.addedLatencyMs.p50} ms, p99 ${result.addedLatencyMs.p99} ms; ${result.loggedRows} rows logged`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await flushCallLog();
    server.child.kill("SIGTERM");
    await closeInferenceRedis();
    await closeDb();
  }
}

await main();
