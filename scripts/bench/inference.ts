// Model-gateway overhead benchmark:
//   npm run bench:inference [-- --sync-log] [--seconds 30 --slots 64 --delay 200]
// A loopback OpenAI-wire server in a child process answers every chat
// completion after a fixed delay: an endpoint whose capacity is slots / delay
// (320 calls/s for 64 × 200 ms). The gateway (model lookup, circuit breaker,
// Redis concurrency slot, HTTP client, parsing, call log) runs `slots`
// concurrent policy calls against it, alternating short phases with the call
// log OFF (no log reads or writes: the baseline) and with the mode under test
// (`async` by default, `sync` with --sync-log, the production default), in the
// order off, log, log, off, … so load from other processes and warm-up hit
// both alike. Same endpoint, same concurrency, same calls: the capacity ratio
// (log calls/s ÷ off calls/s) is what the log costs. Added latency is each
// call's total minus the server's delay. Runs against its own database (beside
// DATABASE_URL, suffix _bench_inference, recreated). Last line: one JSON object.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { count, ne } from "drizzle-orm";
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
/** Measured seconds per mode (split into phases). */
const SECONDS = arg("seconds", 30);
const PHASE_S = arg("phase", 3);
const SLOTS = arg("slots", 64);
const DELAY_MS = arg("delay", 200);
/** Pixel budget of the image sent with each call (a 256×256-class JPEG by default). */
const PIXELS = arg("pixels", 65_536);
const WARMUP_MS = 2_000;
const LOG_MODE = process.argv.includes("--sync-log") ? "sync" : "async";
type Mode = "off" | typeof LOG_MODE;

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
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

type Tally = { calls: number; seconds: number; cpuMs: number; latencies: number[]; statuses: Record<string, number> };
const newTally = (): Tally => ({ calls: 0, seconds: 0, cpuMs: 0, latencies: [], statuses: {} });

async function main() {
  process.env.DATABASE_URL = await recreateBenchDb();
  process.env.QUEUE_PREFIX = `riq-bench-${process.pid}`;
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
    /** Runs SLOTS closed-loop callers in `mode` for `ms`, until the last call returns. */
    const phase = async (mode: Mode, ms: number, tally: Tally | null) => {
      process.env.INFERENCE_CALL_LOG = mode;
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const stopAt = t0 + ms;
      const caller = async () => {
        while (performance.now() < stopAt) {
          const started = performance.now();
          // A unique instruction per call: the temperature-0 cache must miss, as in a rollout.
          const r = await runRole({ ctx, role: "policy", input: { source: { sha256 }, instruction: `make it brighter #${seq++}` } });
          if (!tally) continue;
          tally.latencies.push(performance.now() - started);
          const status = r.ok ? "ok" : r.status;
          tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
          tally.calls++;
        }
      };
      await Promise.all(Array.from({ length: SLOTS }, caller));
      if (mode === "async") await flushCallLog(); // its writes are part of its cost
      if (!tally) return;
      const cpu = process.cpuUsage(cpu0);
      tally.seconds += (performance.now() - t0) / 1000;
      tally.cpuMs += (cpu.user + cpu.system) / 1000;
    };

    console.log(`[bench] warming up with ${SLOTS} slots against ${server.url} (server delay ${DELAY_MS} ms)`);
    await phase("off", WARMUP_MS / 2, null);
    await phase(LOG_MODE, WARMUP_MS / 2, null);
    const [{ value: rowsBefore }] = await getDb().select({ value: count() }).from(inferenceCalls);

    const tallies: Record<Mode, Tally> = { off: newTally(), [LOG_MODE]: newTally() } as Record<Mode, Tally>;
    const phases = Math.max(1, Math.round(SECONDS / PHASE_S));
    console.log(`[bench] measuring ${phases} × ${PHASE_S} s per mode, call log off vs ${LOG_MODE}`);
    for (let i = 0; i < phases; i++) {
      // off, log, log, off, off, log, …: neither mode always goes first.
      const order: Mode[] = i % 2 === 0 ? ["off", LOG_MODE] : [LOG_MODE, "off"];
      for (const mode of order) await phase(mode, PHASE_S * 1000, tallies[mode]);
    }

    await flushCallLog();
    const [{ value: rows }] = await getDb().select({ value: count() }).from(inferenceCalls);
    const [{ value: unfinished }] = await getDb().select({ value: count() }).from(inferenceCalls).where(ne(inferenceCalls.status, "ok"));
    const ideal = SLOTS / (DELAY_MS / 1000);
    const summary = (t: Tally) => {
      const added = t.latencies.map((l) => l - DELAY_MS).sort((a, b) => a - b);
      const callsPerSecond = t.calls / t.seconds;
      return {
        calls: t.calls,
        seconds: round(t.seconds),
        callsPerSecond: round(callsPerSecond, 1),
        ofIdeal: round(callsPerSecond / ideal, 4),
        addedLatencyMs: { p50: round(quantile(added, 0.5)), p99: round(quantile(added, 0.99)), max: round(added.at(-1) ?? NaN) },
        gatewayCpuMsPerCall: round(t.cpuMs / Math.max(1, t.calls), 3),
        statuses: t.statuses,
      };
    };
    const off = summary(tallies.off);
    const logged = summary(tallies[LOG_MODE]);
    const capacityRatio = round(logged.callsPerSecond / off.callsPerSecond, 4);
    const loggedRows = rows - rowsBefore;
    const result = {
      bench: "inference",
      callLog: LOG_MODE,
      slots: SLOTS,
      serverDelayMs: DELAY_MS,
      pixelBudget: PIXELS,
      idealCallsPerSecond: ideal,
      /** Calls/s with the log ÷ calls/s without it: same endpoint, concurrency and calls. */
      capacityRatio,
      /** p99 added latency with the log minus without it. */
      p99AddedByLogMs: round(logged.addedLatencyMs.p99 - off.addedLatencyMs.p99),
      off,
      [LOG_MODE]: logged,
      loggedRows,
      rowsNotOk: unfinished,
      pass: capacityRatio >= 0.95 && loggedRows === tallies[LOG_MODE].calls && unfinished === 0,
    };
    console.log(
      `[bench] log off: ${off.callsPerSecond} calls/s (${(off.ofIdeal * 100).toFixed(1)}% of ${ideal}), p99 added ${off.addedLatencyMs.p99} ms; ` +
        `${LOG_MODE} log: ${logged.callsPerSecond} calls/s (${(logged.ofIdeal * 100).toFixed(1)}%), p99 added ${logged.addedLatencyMs.p99} ms; ` +
        `capacity ratio ${(capacityRatio * 100).toFixed(1)}%; ${loggedRows} rows logged for ${tallies[LOG_MODE].calls} calls`,
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
