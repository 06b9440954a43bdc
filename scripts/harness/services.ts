// Private, throwaway Redis and PostgreSQL instances for the chaos harness, on
// free loopback ports in temp folders, so it can kill and restart them without
// touching the machine's shared services. Works the same in CI.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A redis-server without persistence: a restart loses everything, like a Redis that crashed. */
export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"],
      { stdio: "ignore" },
    );
    await waitUntil(
      () => {
        try {
          return (
            execFileSync("redis-cli", ["-p", String(port), "ping"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() ===
            "PONG"
          );
        } catch {
          return false;
        }
      },
      10_000,
      "private redis",
    );
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    /** SIGKILL, then (after `downMs`) a fresh empty instance on the same port. */
    async restartLosingMemory(downMs = 200) {
      child?.kill("SIGKILL");
      await sleep(downMs);
      await start();
    },
    stop() {
      child?.kill("SIGKILL");
    },
  };
}

function pgBin(name: string): string {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
  const path = version ? join(root, version, "bin", name) : name;
  return existsSync(path) ? path : name;
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root (initdb and postgres refuse root). */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

/** A private cluster (initdb, trust auth on loopback) that can be stopped hard and started again. */
export async function startPrivatePostgres() {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "riq-chaos-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = join(dir, "data");
  const [initdb, initArgs] = asPostgres(pgBin("initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  execFileSync(initdb, initArgs, { stdio: "ignore" });
  const ctl = (...args: string[]) => {
    const [bin, a] = asPostgres(pgBin("pg_ctl"), ["-D", data, ...args]);
    execFileSync(bin, a, { stdio: "ignore" });
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=32MB`;
  ctl("-o", options, "-l", join(dir, "log"), "-w", "start");
  return {
    url: `postgres://postgres@127.0.0.1:${port}/retouchiq_chaos`,
    port,
    /** Stops without a clean shutdown (as a crash would), then starts after `downMs`. */
    async restart(downMs: number) {
      ctl("-m", "immediate", "-w", "stop");
      await sleep(downMs);
      ctl("-o", options, "-l", join(dir, "log"), "-w", "start");
    },
    stop() {
      try {
        ctl("-m", "immediate", "-w", "stop");
      } catch {
        // already down
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
